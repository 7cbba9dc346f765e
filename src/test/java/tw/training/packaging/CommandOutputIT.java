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

    /**
     * A Chinese file name under {@code LC_ALL=C}: Java can neither decode it from the command line nor open a file so
     * named, so the command says how to run it (a UTF-8 locale, or the document on standard input) instead of "no such
     * file"; both ways then import. The name is written and passed by the shell, as bytes, so that this test does not
     * depend on the locale of the JVM running it.
     */
    @Test
    void aChineseFileNameUnderTheCLocaleIsRefusedWithTheWayThatWorks() throws Exception {
        Path folder = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "command-arguments");
        Files.copy(Path.of("seeds/000_8455bb19119e8168.txt"), folder.resolve("seed.txt"));
        String name = "\"$(printf '" + octal("職能基準") + "').txt\"";
        String jar = "java -jar '" + Path.of(JarServer.jar()).toAbsolutePath() + "' ";
        shell(folder, "C", "cp seed.txt " + name);

        Process refused = shell(folder, "C", "exec " + jar + "import --migrate " + name);
        String refusal = Files.readString(folder.resolve("err.txt"), StandardCharsets.UTF_8);
        assertEquals(2, refused.exitValue(), refusal);
        assertEquals(1, refusal.strip().lines().count(), refusal);
        assertTrue(refusal.contains("LC_ALL=C.UTF-8") && refusal.contains("import - < FILE"), refusal);

        Process piped = shell(folder, "C", "exec " + jar + "import --migrate - < " + name);
        assertEquals(0, piped.exitValue(), Files.readString(folder.resolve("err.txt"), StandardCharsets.UTF_8));
        assertTrue(Files.readString(folder.resolve("out.txt"), StandardCharsets.UTF_8).contains("KPS5294-001v4: IMPORTED"));

        Process named = shell(folder, "C.UTF-8", "exec " + jar + "import " + name);
        assertEquals(0, named.exitValue(), Files.readString(folder.resolve("err.txt"), StandardCharsets.UTF_8));
        assertTrue(Files.readString(folder.resolve("out.txt"), StandardCharsets.UTF_8).contains("KPS5294-001v4: UNCHANGED"));
    }

    private static Process shell(Path folder, String locale, String script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", script).directory(folder.toFile())
                .redirectOutput(folder.resolve("out.txt").toFile()).redirectError(folder.resolve("err.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.equals("LANG") || name.startsWith("LC_") || name.startsWith("APP_")
                || name.startsWith("DATASOURCES_"));
        builder.environment().put("LC_ALL", locale);
        Process process = builder.start();
        assertTrue(process.waitFor(NO_EXIT_SECONDS, TimeUnit.SECONDS), "the command ended");
        return process;
    }

    /** The UTF-8 bytes of {@code text} as printf's octal escapes: ASCII only, whatever this JVM's locale. */
    private static String octal(String text) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            escaped.append('\\').append(Integer.toOctalString(b & 0xff));
        }
        return escaped.toString();
    }
}
