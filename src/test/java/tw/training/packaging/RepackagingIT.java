package tw.training.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.training.packaging.JarServer.id;

/**
 * README's two commands side by side in one checkout: a server of command 1, started from
 * {@code target/competency-backend-0.1.0.jar}, keeps serving what it had not loaded yet (the PDF printer, its
 * font, the dossier's template) after {@code mvn package} has built that jar anew beneath it. Runs Maven on a copy
 * of the project under {@code target/}, so this build's own jar is never touched.
 */
class RepackagingIT {

    private static final String JAR = "competency-backend-0.1.0.jar";

    @Test
    void aRunningServerOutlivesTheBuildThatReplacesItsJar() throws Exception {
        Path project = copyOfTheProject();
        Path jar = project.resolve("target").resolve(JAR);
        Files.createDirectories(jar.getParent());
        Files.copy(Path.of(JarServer.jar()), jar, StandardCopyOption.REPLACE_EXISTING);
        JarServer server = new JarServer("repackaging", jar);
        server.start();
        try {
            Object before = Files.getAttribute(jar, "unix:ino");
            rebuild(project);

            String admin = server.login("jar.admin");
            server.createUser(admin, "repack.trainer", "TRAINER");
            String trainer = server.login("repack.trainer");
            long course = id(server.send("POST", "/api/courses", trainer, "{\"code\":\"REPACK-1\",\"title\":\"重新打包\",\"hours\":3}"));
            server.send("POST", "/api/courses/" + course + "/alignments", trainer,
                    "{\"standardCode\":\"KPS5294-001v4\",\"taskCode\":\"T2.3\",\"methods\":[\"OBSERVATION\"]}");
            HttpResponse<byte[]> dossier = server.http.send(server.request("/api/courses/" + course + "/dossier", trainer)
                    .header("Accept", "application/pdf").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, dossier.statusCode(), () -> new String(dossier.body(), StandardCharsets.UTF_8) + "\n" + tail(server.log()));
            assertTrue(new String(dossier.body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
            assertTrue(server.process().isAlive(), () -> tail(server.log()));
            assertTrue(Files.size(jar) > 0);
            assertNotEquals(before, Files.getAttribute(jar, "unix:ino"), "the build wrote a new file, not into the running one");
            deleteTree(project); // 150 MB of jars; kept when the test fails, to be looked at
        } finally {
            server.process().destroy();
            server.process().waitFor();
        }
    }

    /** What {@code mvn package} reads: the pom, Maven's own settings, the main sources and the resource folders. */
    private static Path copyOfTheProject() throws IOException {
        Path here = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path copy = Files.createTempDirectory(Files.createDirectories(here.resolve("target/repackaging")), "project");
        for (String part : List.of("pom.xml", "openapi.properties", ".mvn", "src/main", "migrations", "templates", "seeds")) {
            copyTree(here.resolve(part), copy.resolve(part));
        }
        return copy;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * README's command 2 as far as it touches the jar: Maven's package phase, with this build's Maven and repository.
     * Offline, because this build has already resolved every plugin and dependency that phase needs.
     */
    private static void rebuild(Path project) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-q", "-o", "package", "-Dmaven.test.skip=true", "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"));
        Path log = project.resolve("build.log");
        Process build = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertEquals(0, build.waitFor(), () -> "mvn package failed:\n" + tail(log));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException unreadable) {
            return "(" + log + " unreadable: " + unreadable.getMessage() + ")";
        }
    }
}
