package tw.training.thirdparty;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tw.training.badge.BadgeKey;
import tw.training.badge.Ed25519Keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 33, acceptance 2 (the file and its offline check; the report's request and signing come next): a signed
 * report verifies against the published key; one byte flipped anywhere in what is signed, another key, a hash that
 * does not match, or no JSON at all, and it does not. The command of the jar says the same, with no database.
 */
class SignedReportTest {

    private static final KeyPair SERVICE = BadgeKey.fromSeed(BadgeKey.generate());
    private static final KeyPair OTHER = BadgeKey.fromSeed(BadgeKey.generate());

    private static JsonObject report() {
        return Json.createObjectBuilder()
                .add("learner", "王小美")
                .add("signer", Json.createObjectBuilder().add("name", "林主任").add("email", "lin@company.example").add("organisation", "好客飯店"))
                .add("answers", Json.createArrayBuilder().add(Json.createObjectBuilder().add("indicator", "KPS5294-001v4:P1.1.1")
                        .add("observed", "CONSISTENTLY").add("examples", "每週三次接待團體客，流程完整")))
                .add("declarationVersion", "2026-12")
                .add("signedAt", "2026-12-07T10:15:00Z")
                .build();
    }

    @Test
    void aSignedReportVerifiesAgainstThePublishedKeyAndItsHashIsTheReceipts() {
        byte[] file = SignedReport.sign(report(), SERVICE);
        SignedReport.Verdict verdict = SignedReport.verify(file, SERVICE.getPublic());
        assertEquals(new SignedReport.Valid(SignedReport.hash(report())), verdict);
        assertTrue(SignedReport.text(file).contains("\"key\":\"" + Ed25519Keys.multikey(SERVICE.getPublic()) + "\""));
    }

    @Test
    void theSameAnswersWrittenInAnotherOrderHaveTheSameHash() {
        JsonObject reordered = Json.createObjectBuilder()
                .add("signedAt", "2026-12-07T10:15:00Z").add("declarationVersion", "2026-12")
                .add("answers", report().getJsonArray("answers")).add("signer", report().getJsonObject("signer")).add("learner", "王小美")
                .build();
        assertEquals(SignedReport.hash(report()), SignedReport.hash(reordered));
    }

    @Test
    void flippingAnyOneByteOfTheSignedPartMakesItFail() {
        byte[] file = SignedReport.sign(report(), SERVICE);
        String text = SignedReport.text(file);
        int start = text.indexOf("\"report\"");
        int end = text.indexOf("\"signature\"");
        int checked = 0;
        for (int i = 0; i < file.length; i++) {
            if (i < start || i >= end) {
                continue;
            }
            byte[] flipped = file.clone();
            flipped[i] ^= 0x01;
            SignedReport.Verdict verdict = SignedReport.verify(flipped, SERVICE.getPublic());
            if (verdict instanceof SignedReport.Valid) {
                // a flip that leaves the same JSON (none here: every byte is a character of a value, a name or a delimiter)
                throw new AssertionError("byte " + i + " flipped and still valid: " + SignedReport.text(flipped));
            }
            checked++;
        }
        assertTrue(checked > 200, "every byte of report and hash was tried: " + checked);
    }

    @Test
    void anotherKeyOrNoJsonIsNotValid() {
        byte[] file = SignedReport.sign(report(), SERVICE);
        assertInstanceOf(SignedReport.Invalid.class, SignedReport.verify(file, OTHER.getPublic()));
        assertInstanceOf(SignedReport.Invalid.class, SignedReport.verify("not json".getBytes(StandardCharsets.UTF_8), SERVICE.getPublic()));
        assertInstanceOf(SignedReport.Invalid.class, SignedReport.verify("{\"report\":{}}".getBytes(StandardCharsets.UTF_8), SERVICE.getPublic()));
        // signed by another key that names itself in the file: the published key decides
        byte[] impostor = SignedReport.sign(report(), OTHER);
        assertInstanceOf(SignedReport.Invalid.class, SignedReport.verify(impostor, SERVICE.getPublic()));
    }

    @Test
    void theCommandVerifiesOfflineAgainstTheKeyGiven(@TempDir Path folder) throws IOException {
        Path good = folder.resolve("report.json");
        Files.write(good, SignedReport.sign(report(), SERVICE));
        Path bad = folder.resolve("tampered.json");
        Files.writeString(bad, Files.readString(good).replace("林主任", "林經理"));
        String key = Ed25519Keys.multikey(SERVICE.getPublic());
        assertEquals(0, run(good, key));
        assertEquals(1, run(bad, key));
        assertEquals(1, run(good, Ed25519Keys.multikey(OTHER.getPublic())));
        assertEquals(2, run(good, "zNotAKey"));
    }

    private static int run(Path file, String key) {
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return new CommandLine(VerifyReportCommand.class).execute(file.toString(), "--key", key);
        } finally {
            System.setOut(out);
        }
    }
}
