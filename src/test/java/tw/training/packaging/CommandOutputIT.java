package tw.training.packaging;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar's commands write UTF-8 whatever the locale (issue 29, point 10): under {@code LC_ALL=C} Java would write what
 * the locale cannot encode as '?', and a refused document's Chinese reached the operator as {@code ??????}.
 */
class CommandOutputIT {

    private static final long NO_EXIT_SECONDS = 120;

    @Test
    void aCommandWritesChineseAsUtf8UnderTheCLocale() throws Exception {
        Path folder = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "command-output");
        Files.writeString(folder.resolve("doc.txt"), "職能基準\n這不是一份文件\n", StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", Path.of(JarServer.jar()).toAbsolutePath().toString(), "import", "--migrate", "doc.txt")
                .directory(folder.toFile()).redirectOutput(folder.resolve("out.txt").toFile()).redirectError(folder.resolve("err.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.equals("LANG") || name.startsWith("LC_"));
        builder.environment().put("LC_ALL", "C");
        Process command = builder.start();
        assertTrue(command.waitFor(NO_EXIT_SECONDS, TimeUnit.SECONDS), "the command ended");
        String refusal = Files.readString(folder.resolve("err.txt"), StandardCharsets.UTF_8);
        assertEquals(1, command.exitValue(), refusal);
        assertTrue(refusal.contains("line 2: not understood: '這不是一份文件'"), refusal);
        assertTrue(!refusal.contains("?????"), refusal);
    }
}
