package tw.training.packaging;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build wrote the class archive README's command 1 names, and this JVM maps it for this jar: with
 * {@code -Xshare:on} a JVM that cannot use the archive refuses to start, and the application's own classes are
 * read from it rather than from the jar.
 */
class ClassArchiveIT {

    @Test
    void theJarStartsFromTheArchiveTheBuildWrote() throws Exception {
        Path jar = Path.of(JarServer.jar());
        List<String> command = new ArrayList<>(JarServer.command(jar));
        assertTrue(Files.size(Path.of(command.get(1).substring("-XX:SharedArchiveFile=".length()))) > 0);
        command.addAll(1, List.of("-Xshare:on", "-Xlog:class+load=info"));
        // a command that needs no database: the classes of the jar's entry point are what is checked
        command.addAll(List.of("badge-key", "--help"));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.waitFor(), output);
        assertTrue(output.lines().anyMatch(line -> line.contains(" tw.training.Application ")
                && line.contains("source: shared objects file (top)")), output.lines().filter(line -> line.contains("tw.training")).toList().toString());
    }
}
