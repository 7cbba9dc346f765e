package tw.training.account.token;

import org.junit.jupiter.api.Test;
import tw.training.problem.ConfigurationProblem;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the token signing secret comes from on each kind of deployment. */
class TokenSecretTest {

    private static final String H2_FILE = "jdbc:h2:file:./data/competency";

    @Test
    void onTheEmbeddedDefaultASecretIsGeneratedOnceAndKeptPrivately(@TempDir Path data) throws IOException {
        String first = new TokenSecret(null, null, null, data.toString(), H2_FILE).value();
        String afterRestart = new TokenSecret(null, null, null, data.toString(), H2_FILE).value();

        assertEquals(first, afterRestart);
        assertTrue(first.length() >= 32);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("jwt-secret"))));
    }

    @Test
    void aConfiguredSecretWinsAndMustBeLongEnough(@TempDir Path data) {
        String configured = "a configured secret of more than 32 bytes";

        assertEquals(configured, new TokenSecret(configured, null, null, data.toString(), H2_FILE).value());
        assertThrows(ConfigurationProblem.class, () -> new TokenSecret("short", null, null, data.toString(), H2_FILE));
        assertTrue(Files.notExists(data.resolve("jwt-secret")));
    }

    @Test
    void aSharedDatabaseRequiresAConfiguredSecret(@TempDir Path data) {
        ConfigurationProblem refused = assertThrows(ConfigurationProblem.class,
                () -> new TokenSecret(null, null, null, data.toString(), "jdbc:postgresql://db/competency"));

        assertEquals("APP_JWT_SECRET", refused.setting());
    }

    @Test
    void acceptedSecretsAreListedInOrderUnderEitherNameAndMustBeLongEnough(@TempDir Path data) {
        String configured = "a configured secret of more than 32 bytes";
        TokenSecret rotated = new TokenSecret(configured, " next secret number one is 32 bytes long ,next secret number two is also 32 bytes",
                "old secret under the setting's first name", data.toString(), H2_FILE);

        assertEquals(java.util.List.of("next secret number one is 32 bytes long", "next secret number two is also 32 bytes",
                "old secret under the setting's first name"), rotated.accepted());
        assertEquals("APP_JWT_ACCEPTED_SECRETS", assertThrows(ConfigurationProblem.class,
                () -> new TokenSecret(configured, "short", null, data.toString(), H2_FILE)).setting());
        assertEquals("APP_JWT_PREVIOUS_SECRETS", assertThrows(ConfigurationProblem.class,
                () -> new TokenSecret(configured, null, "short", data.toString(), H2_FILE)).setting());
    }

    @Test
    void anInMemoryDatabaseGetsAFreshSecretEachStart(@TempDir Path data) {
        assertNotEquals(new TokenSecret(null, null, null, data.toString(), "jdbc:h2:mem:x").value(),
                new TokenSecret(null, null, null, data.toString(), "jdbc:h2:mem:x").value());
    }
}
