package tw.training.revision;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.FormClient;
import tw.training.testing.TestUsers;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 35, the review page, on H2 and PostgreSQL: a trainer proposes the crosswalk of a superseded version from the
 * list (twice, one crosswalk), changes a line, sees a refused form come back as filled with the fault at its row,
 * saves, adds a line in a blank row, and confirms; the confirmed crosswalk has no form left.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrosswalkPagesTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private String token;
    private FormClient page;

    @BeforeAll
    void aRevisedStandard() throws IOException {
        token = TestUsers.of(context, http).tokenFor("pages.crosswalker", Roles.TRAINER);
        http.toBlocking().exchange(HttpRequest.POST("/api/standards", CrosswalkApiTest.v5().getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token));
        page = new FormClient(server.getURL().toString(), "zh-TW").signIn("pages.crosswalker", TestUsers.PASSWORD);
    }

    /** The form's rows as the page would send them back: each of the crosswalk's old lines, by its index. */
    @SuppressWarnings("unchecked")
    private List<Map.Entry<String, String>> rows(long id) {
        Map<String, Object> crosswalk = http.toBlocking().retrieve(HttpRequest.GET("/api/crosswalks/" + id).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("_csrf", page.token()));
        int n = 0;
        for (Map<String, Object> line : (List<Map<String, Object>>) crosswalk.get("lines")) {
            if (!"NEW".equals(line.get("relation"))) {
                fields.add(Map.entry("kind-" + n, (String) line.get("kind")));
                fields.add(Map.entry("from-" + n, (String) line.get("from")));
                fields.add(Map.entry("relation-" + n, (String) line.get("relation")));
                fields.add(Map.entry("to-" + n, line.get("to") == null ? "" : (String) line.get("to")));
                fields.add(Map.entry("note-" + n, ""));
                n++;
            }
        }
        return fields;
    }

    private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, String name, String value) {
        List<Map.Entry<String, String>> changed = new ArrayList<>(fields);
        changed.replaceAll(f -> f.getKey().equals(name) ? Map.entry(name, value) : f);
        if (changed.stream().noneMatch(f -> f.getKey().equals(name))) {
            changed.add(Map.entry(name, value));
        }
        return changed;
    }

    private static int row(List<Map.Entry<String, String>> fields, String from) {
        return fields.stream().filter(f -> f.getKey().startsWith("from-") && f.getValue().equals(from)).map(f -> Integer.parseInt(f.getKey().substring(5)))
                .findFirst().orElseThrow();
    }

    @Test
    void aTrainerReviewsAndConfirmsACrosswalkInThePage() {
        assertTrue(page.get("/catalogue").body().contains("href=\"/crosswalks\""));
        String list = page.get("/crosswalks").body();
        assertTrue(list.contains("<option value=\"KPS5294-001v4\"") && list.contains("KPS5294-001v4 → KPS5294-001v5"), list);

        HttpResponse<String> proposed = page.postForm("/crosswalks", "from", "KPS5294-001v4");
        assertEquals(303, proposed.statusCode());
        String location = proposed.headers().firstValue("Location").orElseThrow();
        assertEquals(location, page.postForm("/crosswalks", "from", "KPS5294-001v4").headers().firstValue("Location").orElseThrow(), "one crosswalk");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String review = page.get(location).body();
        assertTrue(review.contains("P2.3.2 依據組織規定及管理辦法，解決顧客提出的抱怨。") && review.contains("id=\"confirm-crosswalk\" data-confirm="), review);

        // refused: P2.4.1 said EQUIVALENT to P2.4.2, which P2.4.2's own line then claims again: the fault is at that line's
        // row, and the note typed is kept
        List<Map.Entry<String, String>> fields = rows(id);
        int p241 = row(fields, "P2.4.1");
        HttpResponse<String> refused = page.post("/crosswalks/" + id + "/lines", with(with(fields, "to-" + p241, "P2.4.2"), "note-" + p241, "我的說明"));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("id=\"to-" + row(fields, "P2.4.2") + "-error\"") && refused.body().contains("value=\"我的說明\""),
                refused.body());
        assertTrue(refused.body().contains("id=\"lines-error\""));

        // saved: the removed P2.3.4 lives on in part in P2.3.5 (a blank row with an item chosen but no relation adds nothing)
        int p234 = row(fields, "P2.3.4");
        List<Map.Entry<String, String>> reviewed = with(with(with(fields, "relation-" + p234, "PARTIAL"), "to-" + p234, "P2.3.5"), "note-" + p234, "回訪部分另評");
        reviewed = with(with(with(reviewed, "from-90", "INDICATOR:P2.3.4"), "relation-90", ""), "to-90", "");      // a blank row left blank
        HttpResponse<String> saved = page.post("/crosswalks/" + id + "/lines", reviewed);
        assertEquals(303, saved.statusCode(), saved.body());
        String after = page.get("/crosswalks/" + id + "?saved=lines").body();
        assertTrue(after.contains("id=\"saved\"") && after.contains("回訪部分另評"), after);
        assertFalse(after.contains("id=\"new-items\">新版新增的項目</h2>\n  <ul>"), "P2.3.5 is no longer NEW");

        HttpResponse<String> confirmed = page.postForm("/crosswalks/" + id + "/confirmation");
        assertEquals(303, confirmed.statusCode());
        String done = page.get("/crosswalks/" + id + "?saved=confirmed").body();
        assertTrue(done.contains("已確認") && !done.contains("id=\"lines-form\"") && !done.contains("id=\"confirm-form\""), done);
        assertEquals(409, page.post("/crosswalks/" + id + "/lines", rows(id)).statusCode(), "a confirmed crosswalk is not changed from a page either");
    }
}
