package tw.training.revision;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.FormClient;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 35's page for a course's trainers, on H2 and PostgreSQL: a superseded document named with the state of its
 * crosswalk; the plan moved from the page; each learner's dry run; the learners moved (the form sent twice moves them
 * once); a move reverted, and a reversal refused in the reader's language once something was recorded after the move;
 * strangers and learners refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevisionPagesTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Test
    void aTrainerMovesTheCourseAndItsLearnersFromThePage() {
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("rp.trainer", Roles.TRAINER);
        users.tokenFor("rp.stranger", Roles.TRAINER);
        String met = users.tokenFor("rp.met", Roles.LEARNER);
        String open = users.tokenFor("rp.open", Roles.LEARNER);
        RowCounts rows = new RowCounts(dataSource, List.of());
        http.toBlocking().exchange(HttpRequest.POST("/api/standards", RevisedStandard.v5()).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(trainer));
        PortfolioCourse course = PortfolioCourse.publish(http, trainer, "RP-1", "客訴處理實務");
        long first = course.enroll("rp.met");
        long second = course.enroll("rp.open");
        course.meet(course.submitPdf(met, first, "演練", List.of("P2.3.1")), List.of("P2.3.1"), "符合");
        course.submitPdf(open, second, "演練二", List.of("P2.3.2"));
        String path = "/courses/" + course.id() + "/revision";

        FormClient page = new FormClient(server.getURL().toString(), "zh-TW").signIn("rp.trainer", TestUsers.PASSWORD);
        assertTrue(page.get("/courses/" + course.id()).body().contains("href=\"" + path + "\""), "linked from the builder");
        String before = page.get(path).body();
        assertTrue(before.contains("KPS5294-001v4 已由 KPS5294-001v5 取代") && before.contains("這兩個版本之間還沒有對照表")
                && before.contains("id=\"nobody-to-move\""), before);

        long crosswalk = PortfolioCourse.id(PortfolioCourse.post(http, "/api/crosswalks", trainer, Map.of("from", "KPS5294-001v4", "to", "KPS5294-001v5")));
        assertTrue(page.get(path).body().contains("對照表尚未確認"));
        PortfolioCourse.post(http, "/api/crosswalks/" + crosswalk + "/confirmation", trainer, Map.of());
        assertTrue(page.get(path).body().contains("id=\"migrate-KPS5294-001v4\""));
        HttpResponse<String> migrated = page.postForm(path + "/migration", "crosswalk", String.valueOf(crosswalk));
        assertEquals(303, migrated.statusCode());
        assertTrue(page.get(migrated.headers().firstValue("Location").orElseThrow()).body().contains("課程計畫已轉入草稿"));
        http.toBlocking().exchange(HttpRequest.PUT("/api/courses/" + course.id() + "/plan/KPS5294-001v5:P2.3.5", Map.of("methods", List.of("PORTFOLIO")))
                .bearerAuth(trainer));
        PortfolioCourse.post(http, "/api/courses/" + course.id() + "/publish", trainer, Map.of());

        String dryRun = page.get(path).body();
        assertTrue(dryRun.contains("KPS5294-001v4:P2.3.1 → KPS5294-001v5:P2.3.1（評定 #") && dryRun.contains("部分相當；附上 1 件證據")
                && dryRun.contains("新版新增：KPS5294-001v5:P2.3.5") && dryRun.contains("id=\"move-learners\"")
                && dryRun.contains("要將 2 位學員轉入第 2 版嗎"), dryRun);
        assertEquals("0", rows.single("SELECT COUNT(*) FROM learner_move"), "a page shown moves nobody");

        assertEquals(303, page.postForm(path + "/moves").statusCode());
        assertEquals(303, page.postForm(path + "/moves").statusCode(), "the form sent twice");
        assertEquals("2", rows.single("SELECT COUNT(*) FROM learner_move"), "each learner moved once");
        String moved = page.get(path + "?done=moved").body();
        assertTrue(moved.contains("學員已轉入已發布的版本") && moved.contains("可以轉換的學員都已在第 2 版"), moved);

        long metMove = Long.parseLong(rows.single("SELECT move_id FROM learner_move WHERE enrollment_id = " + first));
        long openMove = Long.parseLong(rows.single("SELECT move_id FROM learner_move WHERE enrollment_id = " + second));
        assertEquals(303, page.postForm(path + "/moves/" + metMove + "/reversal").statusCode());
        assertTrue(page.get(path).body().contains("已由 rp.trainer 於"), "the reversal recorded");
        assertEquals("1", rows.single("SELECT r.revision_number FROM enrollment e JOIN course_revision r ON r.revision_id = e.revision_id"
                + " WHERE e.enrollment_id = " + first));

        http.toBlocking().exchange(HttpRequest.POST("/api/enrollments/" + second + "/evidence", io.micronaut.http.client.multipart.MultipartBody.builder()
                        .addPart("metadata", "{\"method\":\"PORTFOLIO\",\"title\":\"新版作品\",\"indicators\":[\"KPS5294-001v5:P2.3.5\"]}")
                        .addPart("file", "new.pdf", new MediaType("application/pdf"), PortfolioCourse.PDF).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(open));
        HttpResponse<String> refused = page.postForm(path + "/moves/" + openMove + "/reversal");
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("id=\"refusal\"") && refused.body().contains("已無法撤銷"), refused.body());

        String english = new FormClient(server.getURL().toString(), "en").signIn("rp.trainer", TestUsers.PASSWORD).get(path).body();
        assertTrue(english.contains("Moves made") && english.contains("Reverted by rp.trainer"), english);
        assertEquals(404, new FormClient(server.getURL().toString(), "zh-TW").signIn("rp.stranger", TestUsers.PASSWORD).get(path).statusCode());
        assertEquals(403, new FormClient(server.getURL().toString(), "zh-TW").signIn("rp.open", TestUsers.PASSWORD).get(path).statusCode());
        assertEquals(404, new FormClient(server.getURL().toString(), "zh-TW").signIn("rp.stranger", TestUsers.PASSWORD)
                .postForm(path + "/moves/" + openMove + "/reversal").statusCode());
    }
}
