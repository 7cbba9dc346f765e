package tw.training.catalogue.parsing;

import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Definition;
import tw.training.catalogue.document.Indicator;
import tw.training.catalogue.document.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seed documents and the further test documents, read from the project, and lookups into them. */
final class Documents {

    static final String KPS5294 = "seeds/000_8455bb19119e8168.txt";
    static final String THM2431 = "seeds/001_2910f10425328c06.txt";
    static final String BAS1499 = "seeds/002_024a0f339eca93a4.txt";
    static final String KMM5R0915 = "seeds/003_a5bf434a80aaf980.txt";
    static final String SEED_MODEL = "seeds/004_03b9e9d0ec7d3e2c.txt";
    static final String SEED_MODEL_CODE = "KPS3322-M01";
    static final String FRONT_DESK_STANDARD = "src/test/resources/documents/standard-front-desk.txt";
    static final String GUEST_SERVICES_UNIT = "src/test/resources/documents/unit-guest-services.txt";
    static final String NIGHT_AUDIT_MODEL = "src/test/resources/documents/model-night-audit.txt";

    private Documents() {
    }

    static String text(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedDocument parse(String path) {
        return parse(path, null);
    }

    static ParsedDocument parse(String path, String code) {
        return new DocumentParser().parse(text(path), code);
    }

    static Task task(CompetencyDocument document, String code) {
        return document.tasks().stream().filter(task -> task.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + code + " in " + document.code()));
    }

    static Indicator indicator(CompetencyDocument document, String code) {
        return document.tasks().stream().flatMap(task -> task.indicators().stream())
                .filter(indicator -> indicator.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no indicator " + code + " in " + document.code()));
    }

    static Definition knowledge(CompetencyDocument document, String code) {
        return document.knowledge().stream().filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no knowledge " + code + " in " + document.code()));
    }

    static Definition skill(CompetencyDocument document, String code) {
        return document.skills().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no skill " + code + " in " + document.code()));
    }
}
