package tw.training.course;

import java.util.Optional;

/** The fixed assessment methods of SPEC §3, with the Chinese names documents and certificates print. */
public enum AssessmentMethod {
    WRITTEN_TEST("筆試"),
    ORAL_QUESTIONING("口頭問答"),
    OBSERVATION("實作觀察"),
    PORTFOLIO("作品集審查"),
    THIRD_PARTY_REPORT("第三方報告"),
    WORK_PRODUCT("工作產出審查"),
    SIMULATION("情境模擬"),
    PROJECT("專題");

    private final String chinese;

    AssessmentMethod(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<AssessmentMethod> of(String code) {
        for (AssessmentMethod method : values()) {
            if (method.name().equals(code)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
