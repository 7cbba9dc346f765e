package tw.training.startup;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The run the build makes the class archive from ({@code mvn package}; README, "Start-up"): a first start of the
 * server in an empty folder, then the requests of a first visit — sign-in, a list of standards, a page — so that the
 * classes of all of them are in the archive a real start maps instead of loading, verifying and linking them one by
 * one from the jar (the JVM writes the archive when this run exits, {@code -XX:ArchiveClassesAtExit}).
 * <p>
 * Nothing of it is kept: the folder is the build's, and the archive holds classes only, no data and no settings.
 */
public final class ClassArchiveTraining {

    public static final String COMMAND = "class-archive-training";

    private ClassArchiveTraining() {
    }

    /** Makes the requests of a first visit to the started server; any answer will do, only the code paths matter. */
    public static void exercise(ApplicationContext context) throws IOException, InterruptedException {
        URI server = context.getBean(EmbeddedServer.class).getURI();
        HttpClient http = HttpClient.newHttpClient();
        String username = System.getenv().getOrDefault("APP_BOOTSTRAP_ADMIN_USERNAME", "");
        String password = System.getenv().getOrDefault("APP_BOOTSTRAP_ADMIN_PASSWORD", "");
        String signedIn = http.send(HttpRequest.newBuilder(server.resolve("/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = signedIn.replaceAll("(?s).*\"access_token\":\"([^\"]+)\".*", "$1");
        http.send(HttpRequest.newBuilder(server.resolve("/api/standards")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding());
        http.send(HttpRequest.newBuilder(server.resolve("/")).header("Accept-Language", "zh-TW").build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
