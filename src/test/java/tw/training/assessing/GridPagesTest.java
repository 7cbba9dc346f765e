package tw.training.assessing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
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
import tw.training.testing.GridForm;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The judging grid (issue 16): its cells (latest outcome, evidence awaiting, met), a save that judges what awaits and
 * moves progress, two assessors on the same cells (the second told, nothing lost, one at a time even when both save
 * at once), the refusals that record nothing, and the page closed to another trainer (not found) and to a learner.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GridPagesTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private TestUsers users;
    private PortfolioCourse course;
    private String grid;
    private FormClient trainer;
    private FormClient coTrainer;

    @BeforeAll
    void course() {
        users = TestUsers.of(context, http);
        String owner = users.tokenFor("grid.trainer", Roles.TRAINER);
        course = PortfolioCourse.publish(http, owner, "GRID-1", "客訴處理實務");
        users.create("grid.co", Roles.TRAINER);
        PortfolioCourse.post(http, "/api/courses/" + course.id() + "/trainers", owner, Map.of("username", "grid.co"));
        grid = "/courses/" + course.id() + "/grid";
        String base = server.getURL().toString();
        trainer = new FormClient(base, "zh-TW").signIn("grid.trainer", TestUsers.PASSWORD);
        coTrainer = new FormClient(base, "en").signIn("grid.co", TestUsers.PASSWORD);
    }

    /** A new learner of the course with one piece of evidence claiming {@code codes}; answers the enrollment. */
    private Learner learner(String username, List<String> codes) {
        String token = users.tokenFor(username, Roles.LEARNER);
        long enrollment = course.enroll(username);
        long evidence = course.submitPdf(token, enrollment, "演練紀錄", codes);
        return new Learner(token, enrollment, evidence);
    }

    private record Learner(String token, long enrollment, long evidence) {
    }

    @Test
    void eachCellShowsItsLatestOutcomeWhatAwaitsAndWhetherItIsMet() {
        Learner learner = learner("grid.cells", List.of("P2.3.1", "P2.3.2"));
        course.meet(learner.evidence(), List.of("P2.3.1"), "已看過");
        String page = trainer.get(grid + "?learner=grid.cells").body();
        GridForm form = GridForm.of(page);
        String met = cell(page, form.key(learner.enrollment(), "P2.3.1"));
        assertTrue(met.contains("status-MET") && met.contains("已達成") && !met.contains("待評"), met);
        String awaiting = cell(page, form.key(learner.enrollment(), "P2.3.2"));
        assertTrue(awaiting.contains("1 件待評") && !awaiting.contains("status-MET") && !awaiting.contains("已達成"), awaiting);
        assertFalse(form.judgeable(learner.enrollment(), "P2.3.3"), "no evidence claims P2.3.3: nothing to judge");
        assertTrue(page.contains("P2.3.4"), "every indicator of the task is a column");
        assertTrue(page.contains("1 位學員"), "the search found one learner");
    }

    @Test
    void aSaveJudgesWhatAwaitsInEachChosenCellAndProgressMoves() {
        Learner learner = learner("grid.saved", List.of("P2.3.1", "P2.3.2"));
        GridForm form = GridForm.of(trainer.get(grid + "?learner=grid.saved").body());
        HttpResponse<String> saved = trainer.post(grid, form.with(Map.of(form.key(learner.enrollment(), "P2.3.1"), "MET",
                form.key(learner.enrollment(), "P2.3.2"), "NOT_YET"), "紀錄清楚"));
        assertEquals(303, saved.statusCode(), saved.body());
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("learner=grid.saved") && location.endsWith("&saved=2"), location);
        assertTrue(trainer.get(location).body().contains("已記錄 2 筆評量"));
        assertEquals(1, met(learner), "P2.3.1 met, P2.3.2 not yet");
        assertEquals(List.of("MET:紀錄清楚", "NOT_YET:紀錄清楚"), judgements(learner));

        // a change of mind: no evidence awaits, so the cell's latest judged piece is judged again
        form = GridForm.of(trainer.get(grid + "?learner=grid.saved").body());
        assertEquals(303, trainer.post(grid, form.with(Map.of(form.key(learner.enrollment(), "P2.3.2"), "MET"), "補件後達成")).statusCode());
        assertEquals(2, met(learner));
    }

    @Test
    void theSecondOfTwoAssessorsOnTheSameCellsIsToldAndNothingIsLost() {
        Learner learner = learner("grid.conflict", List.of("P2.3.1", "P2.3.2"));
        GridForm first = GridForm.of(trainer.get(grid + "?learner=grid.conflict").body());
        GridForm second = GridForm.of(coTrainer.get(grid + "?learner=grid.conflict").body());
        String p1 = first.key(learner.enrollment(), "P2.3.1");
        String p2 = first.key(learner.enrollment(), "P2.3.2");
        assertEquals(303, trainer.post(grid, first.with(Map.of(p1, "MET"), "first")).statusCode());

        HttpResponse<String> conflict = coTrainer.post(grid, second.with(Map.of(p1, "NOT_YET", p2, "MET"), "second"));
        assertEquals(409, conflict.statusCode());
        String page = conflict.body();
        assertTrue(page.contains("id=\"grid-conflict\"") && page.contains("1 cells were judged"), "the conflict is reported");
        assertTrue(cell(page, p1).contains("cell-changed") && cell(page, p1).contains("status-MET"), "the changed cell, as it is now");
        assertFalse(cell(page, p2).contains("cell-changed"), "only the changed cell is marked");
        assertTrue(cell(page, p1).contains("<option value=\"NOT_YET\" selected>") && cell(page, p2).contains("<option value=\"MET\" selected>")
                && page.contains(">second</textarea>"), "the second assessor's choices and comment are kept");
        assertEquals(List.of("MET:first"), judgements(learner), "nothing of the second save recorded, the first one stands");

        // saving the page that reported the conflict is a decision made knowing the change: it is recorded
        HttpResponse<String> decided = coTrainer.post(grid, GridForm.of(page).with(Map.of(p1, "NOT_YET", p2, "MET"), "second"));
        assertEquals(303, decided.statusCode(), decided.body());
        assertEquals(List.of("MET:first", "NOT_YET:second", "MET:second"), judgements(learner));
    }

    @Test
    void twoSavesOfTheSameCellsAtOnceTakeTurns() {
        Learner learner = learner("grid.race", List.of("P2.3.1"));
        GridForm first = GridForm.of(trainer.get(grid + "?learner=grid.race").body());
        GridForm second = GridForm.of(coTrainer.get(grid + "?learner=grid.race").body());
        String cell = first.key(learner.enrollment(), "P2.3.1");
        CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(() -> trainer.post(grid, first.with(Map.of(cell, "MET"), "one")));
        CompletableFuture<HttpResponse<String>> two = CompletableFuture.supplyAsync(() -> coTrainer.post(grid, second.with(Map.of(cell, "NOT_YET"), "two")));
        List<Integer> statuses = new ArrayList<>(List.of(one.join().statusCode(), two.join().statusCode()));
        statuses.sort(null);
        assertEquals(List.of(303, 409), statuses, "one recorded, the other told");
        assertEquals(1, judgements(learner).size());
    }

    @Test
    void aSaveTheRulesRefuseRecordsNothing() {
        Learner learner = learner("grid.refused", List.of("P2.3.1", "P2.3.2"));
        Learner elsewhere = learner("grid.elsewhere", List.of("P2.3.1"));
        GridForm form = GridForm.of(trainer.get(grid + "?learner=grid.refused").body());
        String p1 = form.key(learner.enrollment(), "P2.3.1");
        String p2 = form.key(learner.enrollment(), "P2.3.2");

        HttpResponse<String> unknown = trainer.post(grid, form.with(Map.of(p1, "MET", p2, "MAYBE"), ""));
        assertEquals(422, unknown.statusCode());
        assertTrue(unknown.body().contains("id=\"grid-errors\"") && cell(unknown.body(), p2).contains("cell-error"), "the cell at fault is marked");
        assertTrue(cell(unknown.body(), p1).contains("<option value=\"MET\" selected>"), "the other choices are kept");
        assertEquals(422, trainer.post(grid, form.with(Map.of(), "")).statusCode(), "nothing chosen");

        String other = PortfolioCourse.publish(http, users.tokenFor("grid.other", Roles.TRAINER), "GRID-2", "別的課程").id() + ":"
                + p1.substring(p1.indexOf(':') + 1);
        List<Map.Entry<String, String>> foreign = new ArrayList<>(form.with(Map.of(p1, "MET"), ""));
        foreign.add(Map.entry("outcome:" + elsewhere.enrollment() + "9" + ":1", "MET"));
        foreign.add(Map.entry("outcome:" + other, "MET"));
        assertEquals(422, trainer.post(grid, foreign).statusCode(), "a cell that is not the course's");
        assertEquals(List.of(), judgements(learner), "all or nothing");

        List<Map.Entry<String, String>> tooMany = new ArrayList<>(form.with(Map.of(p1, "MET"), ""));
        for (int i = 0; i < 40_000; i++) {
            tooMany.add(Map.entry("outcome:" + (1_000_000 + i) + ":" + i, "MET"));
        }
        HttpResponse<String> refusedMany = trainer.post(grid, tooMany);
        assertEquals(422, refusedMany.statusCode(), "more cells than one save takes: explained, not a database error");
        assertTrue(refusedMany.body().contains("一次最多 5000 格"), "the limit is named");

        List<Map.Entry<String, String>> forged = new ArrayList<>(form.with(Map.of(p1, "MET"), ""));
        forged.removeIf(field -> field.getKey().equals("_csrf"));
        assertEquals(403, trainer.post(grid, forged).statusCode());
        assertEquals(List.of(), judgements(learner));
    }

    @Test
    void anotherTrainerFindsNoGridAndALearnerIsRefused() {
        Learner learner = learner("grid.private", List.of("P2.3.1"));
        GridForm form = GridForm.of(trainer.get(grid + "?learner=grid.private").body());
        String base = server.getURL().toString();
        users.create("grid.stranger", Roles.TRAINER);
        FormClient stranger = new FormClient(base, "zh-TW").signIn("grid.stranger", TestUsers.PASSWORD);
        FormClient student = new FormClient(base, "zh-TW").signIn("grid.private", TestUsers.PASSWORD);
        Map<String, String> chosen = Map.of(form.key(learner.enrollment(), "P2.3.1"), "MET");
        assertEquals(404, stranger.get(grid).statusCode());
        assertEquals(404, stranger.post(grid, withToken(form.with(chosen, ""), stranger.token())).statusCode());
        assertEquals(403, student.get(grid).statusCode());
        assertEquals(403, student.post(grid, withToken(form.with(chosen, ""), student.token())).statusCode());
        assertEquals(List.of(), judgements(learner));
    }

    @Test
    void aBadFilterIsExplained() {
        assertEquals(422, trainer.get(grid + "?method=GUESSING").statusCode());
        assertEquals(422, trainer.get(grid + "?task=KPS5294-001v4:T9.9").statusCode());
        assertTrue(trainer.get(grid + "?method=OBSERVATION").body().contains("id=\"grid-empty\""), "no indicator needs observation");
    }

    private static List<Map.Entry<String, String>> withToken(List<Map.Entry<String, String>> fields, String token) {
        List<Map.Entry<String, String>> replaced = new ArrayList<>(fields);
        replaced.replaceAll(field -> field.getKey().equals("_csrf") ? Map.entry("_csrf", token) : field);
        return replaced;
    }

    /** The HTML of one cell of the page. */
    private static String cell(String page, String key) {
        int start = page.indexOf("data-cell=\"" + key + "\"");
        assertTrue(start >= 0, "no cell " + key);
        return page.substring(start, page.indexOf("</td>", start));
    }

    private int met(Learner learner) {
        Map<String, Object> progress = http.toBlocking().retrieve(HttpRequest.GET("/api/enrollments/" + learner.enrollment() + "/progress")
                .bearerAuth(learner.token()), Argument.mapOf(String.class, Object.class));
        return ((Number) ((Map<?, ?>) progress.get("summary")).get("indicatorsMet")).intValue();
    }

    /** The learner's piece's judgements in order, as outcome:comment. */
    private List<String> judgements(Learner learner) {
        Map<String, Object> evidence = http.toBlocking().retrieve(HttpRequest.GET("/api/evidence/" + learner.evidence()).bearerAuth(learner.token()),
                Argument.mapOf(String.class, Object.class));
        return ((List<?>) evidence.get("judgements")).stream().map(j -> ((Map<?, ?>) j).get("outcome") + ":" + ((Map<?, ?>) j).get("comment"))
                .toList();
    }
}
