package tw.training.badge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.training.problem.ConfigurationProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the credential signing key comes from on each kind of deployment: as the token secret does. */
class BadgeKeyTest {

    private static final String H2_FILE = "jdbc:h2:file:./data/competency";
    private static final String SEED = "6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4";

    @Test
    void onTheEmbeddedDefaultAKeyIsGeneratedOnceAndKeptPrivately(@TempDir Path data) throws IOException {
        String first = new BadgeKey(null, data.toString(), H2_FILE).multikey();
        String afterRestart = new BadgeKey(null, data.toString(), H2_FILE).multikey();

        assertEquals(first, afterRestart);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("badge-signing-key"))));
        assertEquals(64, Files.readString(data.resolve("badge-signing-key")).strip().length());
    }

    @Test
    void aConfiguredSeedWinsAndMustBeOne(@TempDir Path data) {
        assertEquals("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", new BadgeKey(" " + SEED + " ", data.toString(), H2_FILE).multikey());
        for (String wrong : new String[] {"abc", SEED.substring(2), SEED.replace('6', 'g')}) {
            assertEquals("APP_BADGES_SIGNING_KEY", assertThrows(ConfigurationProblem.class,
                    () -> new BadgeKey(wrong, data.toString(), H2_FILE)).setting(), wrong);
        }
        assertTrue(Files.notExists(data.resolve("badge-signing-key")));
    }

    @Test
    void aSharedDatabaseRequiresAConfiguredKey(@TempDir Path data) {
        ConfigurationProblem refused = assertThrows(ConfigurationProblem.class,
                () -> new BadgeKey(null, data.toString(), "jdbc:postgresql://db/competency"));

        assertEquals("APP_BADGES_SIGNING_KEY", refused.setting());
    }

    @Test
    void anInMemoryDatabaseGetsAFreshKeyEachStart(@TempDir Path data) {
        assertNotEquals(new BadgeKey(null, data.toString(), "jdbc:h2:mem:x").multikey(), new BadgeKey(null, data.toString(), "jdbc:h2:mem:x").multikey());
        assertTrue(Files.notExists(data.resolve("badge-signing-key")));
    }
}
