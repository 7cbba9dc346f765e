package tw.training.revision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The revised standard of the test resources, KPS5294-001v5 (v4 with T2.3 renamed and its indicators revised), and an older v3. */
public final class RevisedStandard {

    private RevisedStandard() {
    }

    public static byte[] v5() {
        try (InputStream in = RevisedStandard.class.getResourceAsStream("/revision/KPS5294-001v5.txt")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text() {
        return new String(v5(), StandardCharsets.UTF_8);
    }

    /** The seed v4's text filed as v3 (its code and version table changed only): an older version for it to supersede. */
    public static String v3() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("seeds/000_8455bb19119e8168.txt"))
                    .replace("職能基準代碼\tKPS5294-001v4", "職能基準代碼\tKPS5294-001v3")
                    .replace("V4\tKPS5294-001v4\t電話 / 網路行銷服務人員\t最新版本\t略\t2025/06/15\n", "")
                    .replace("V3\tKPS5294-001v3\t電話行銷服務助理\t歷史版本", "V3\tKPS5294-001v3\t電話行銷服務助理\t最新版本");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
