package tw.training.moderation;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;
import tw.training.transparency.AuditVerifyCommand;
import tw.training.transparency.TransparencyLog;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 34, point 2, on H2 and PostgreSQL: a course's lead trainer names moderators; a moderator draws a seeded sample of
 * the period's judgements (the same seed draws the same sample again, and the recorded population redraws it), marks
 * each blind (the first marking shown only once they decide, once), and a third marker resolves a disagreement with a
 * new judgement that then counts; the draw, the markings and the resolution are leaves of the log, which
 * {@code audit-verify replay} accepts. Refusals: a co-trainer who is no moderator, a stranger, a learner, the lead
 * naming themselves, marking one's own judgement, marking twice, resolving an agreement, the second marker resolving,
 * a resolution without reason.
 */
@MicronautTest(transactional = false)
class SecondMarkingTest implements DatabaseTest {

    private static final String STANDARD = PortfolioCourse.STANDARD;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    io.micronaut.context.ApplicationContext context;

    @Inject
    DataSource dataSource;

    @Inject
    TransparencyLog log;

    @TempDir
    Path folder;

    private Map<String, Object> get(String token, String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> post(String token, String path, Object body) {
        return PortfolioCourse.post(http, path, token, body);
    }

    private HttpClientResponseException refused(Runnable call) {
        return assertThrows(HttpClientResponseException.class, call::run);
    }

    private void judge(String token, long evidence, String code, String outcome) {
        post(token, "/api/evidence/" + evidence + "/judgements", Map.of("indicator", STANDARD + ":" + code, "outcome", outcome, "comment", "初評"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> sample) {
        return (List<Map<String, Object>>) sample.get("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(Map<String, Object> item, String name) {
        return (Map<String, Object>) item.get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aModeratorDrawsReproduciblyMarksBlindAndAThirdResolves() throws Exception {
        TestUsers users = TestUsers.of(context, http);
        String lead = users.tokenFor("sm.lead", Roles.TRAINER);
        String second = users.tokenFor("sm.second", Roles.TRAINER);
        String moderator = users.tokenFor("sm.moderator", Roles.TRAINER);
        String third = users.tokenFor("sm.third", Roles.TRAINER);
        String stranger = users.tokenFor("sm.stranger", Roles.TRAINER);
        String learner = users.tokenFor("sm.learner", Roles.LEARNER);
        PortfolioCourse course = PortfolioCourse.publish(http, lead, "SM-1", "客訴處理實務");
        String courseApi = "/api/courses/" + course.id();
        http.toBlocking().exchange(HttpRequest.POST(courseApi + "/trainers", Map.of("username", "sm.second")).bearerAuth(lead));
        long enrollment = course.enroll("sm.learner");
        long byLead = course.submitPdf(learner, enrollment, "客訴紀錄", List.of("P2.3.1", "P2.3.2"));
        long bySecond = course.submitPdf(learner, enrollment, "演練錄影", List.of("P2.3.3"));
        judge(lead, byLead, "P2.3.1", "MET");
        judge(lead, byLead, "P2.3.2", "NOT_YET");
        judge(second, bySecond, "P2.3.3", "MET");

        // naming moderators: the lead names others, never themselves; a co-trainer names nobody
        assertEquals(HttpStatus.FORBIDDEN, refused(() -> http.toBlocking().exchange(HttpRequest.PUT(courseApi + "/moderators/sm.moderator", Map.of())
                .bearerAuth(second))).getStatus());
        HttpClientResponseException self = refused(() -> http.toBlocking().exchange(HttpRequest.PUT(courseApi + "/moderators/sm.lead", Map.of())
                .bearerAuth(lead)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, self.getStatus());
        assertTrue(self.getResponse().getBody(String.class).orElse("").contains("\"username\""));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused(() -> http.toBlocking().exchange(HttpRequest.PUT(courseApi + "/moderators/sm.learner",
                Map.of()).bearerAuth(lead))).getStatus());
        for (String name : List.of("sm.moderator", "sm.third", "sm.third")) {
            http.toBlocking().exchange(HttpRequest.PUT(courseApi + "/moderators/" + name, Map.of()).bearerAuth(lead));
        }
        assertEquals(2, http.toBlocking().retrieve(HttpRequest.GET(courseApi + "/moderators").bearerAuth(second), Argument.listOf(Map.class)).size(),
                "granted twice, named once");

        // drawing: moderators only
        String today = LocalDate.now(ZoneId.of("Asia/Taipei")).toString();
        Map<String, Object> ask = new HashMap<>(Map.of("from", today, "to", today, "seed", "audit-2026", "submissionKey", "draw-1"));
        assertEquals(HttpStatus.FORBIDDEN, refused(() -> post(second, courseApi + "/moderation/samples", ask)).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, refused(() -> post(stranger, courseApi + "/moderation/samples", ask)).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, refused(() -> post(learner, courseApi + "/moderation/samples", ask)).getStatus());
        HttpClientResponseException badPeriod = refused(() -> post(moderator, courseApi + "/moderation/samples",
                Map.of("from", today, "to", LocalDate.parse(today).plusDays(1).toString(), "confidence", 1.5)));
        String problem = badPeriod.getResponse().getBody(String.class).orElse("");
        assertTrue(problem.contains("\"to\"") && problem.contains("\"confidence\""), problem);

        Map<String, Object> sample = post(moderator, courseApi + "/moderation/samples", ask);
        assertEquals(3, sample.get("populationSize"));
        assertEquals(3, sample.get("formulaSize"), "n₀ = 1.96²·0.25/0.15² ≈ 42.7, corrected for N = 3: all three");
        assertEquals(true, sample.get("reproduced"));
        assertEquals(sample.get("id"), post(moderator, courseApi + "/moderation/samples", ask).get("id"), "the same form twice draws once");
        ask.put("submissionKey", "draw-2");
        Map<String, Object> again = post(moderator, courseApi + "/moderation/samples", ask);
        assertEquals(sample.get("populationHash"), again.get("populationHash"));
        Map<String, Object> population = get(moderator, "/api/moderation/samples/" + sample.get("id") + "/population");
        assertEquals(population.get("sampled"), get(moderator, "/api/moderation/samples/" + again.get("id") + "/population").get("sampled"),
                "the same seed over the same population draws the same sample");
        List<Sampling.Judged> members = ((List<Map<String, Object>>) population.get("judgements")).stream().map(m -> new Sampling.Judged(
                ((Number) m.get("judgementId")).longValue(), ((Number) m.get("assessorId")).longValue(), ((Number) m.get("indicatorId")).longValue())).toList();
        Sampling.Sample redrawn = Sampling.draw(members, "audit-2026", 0.95, 0.15, 0.5);
        assertEquals(population.get("populationHash"), redrawn.populationHash());
        assertEquals(((List<Number>) population.get("sampled")).stream().map(Number::longValue).toList(), redrawn.judgementIds());

        // blind: nobody sees the first marking before the second
        items(sample).forEach(i -> {
            assertEquals("AWAITING_SECOND_MARKING", i.get("state"));
            assertNull(i.get("first"));
        });
        Map<String, Object> leadsItem = items(sample).stream().filter(i -> "P2.3.1".equals(((String) i.get("indicator")).split(":")[1])).findFirst().orElseThrow();
        Map<String, Object> secondsItem = items(sample).stream().filter(i -> ((String) i.get("indicator")).endsWith("P2.3.3")).findFirst().orElseThrow();
        String leadsPath = "/api/moderation/items/" + leadsItem.get("id");
        Map<String, Object> shown = get(moderator, leadsPath);
        assertNull(shown.get("first"));
        Map<String, Object> file = ((List<Map<String, Object>>) shown.get("files")).get(0);
        byte[] bytes = http.toBlocking().retrieve(HttpRequest.GET(leadsPath + "/files/" + file.get("id")).bearerAuth(moderator), byte[].class);
        assertArrayEquals(PortfolioCourse.PDF, bytes);
        assertEquals(HttpStatus.NOT_FOUND, refused(() -> get(stranger, leadsPath)).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, refused(() -> get(lead, leadsPath)).getStatus(), "the lead sees an item only to resolve it");
        assertEquals(HttpStatus.NOT_FOUND, refused(() -> http.toBlocking().exchange(HttpRequest.GET("/api/evidence/" + byLead).bearerAuth(moderator)))
                .getStatus(), "a moderator sees evidence through the sample only");

        // second marking: blind, once, never one's own
        assertEquals(HttpStatus.FORBIDDEN, refused(() -> post(lead, leadsPath + "/second-marking", Map.of("outcome", "MET"))).getStatus());
        HttpClientResponseException noOutcome = refused(() -> post(moderator, leadsPath + "/second-marking", Map.of("outcome", "MAYBE")));
        assertTrue(noOutcome.getResponse().getBody(String.class).orElse("").contains("\"outcome\""));
        Map<String, Object> disagreed = post(moderator, leadsPath + "/second-marking", Map.of("outcome", "NOT_YET", "comment", "紀錄未見顧客回覆"));
        assertEquals("DISAGREED", disagreed.get("state"));
        assertEquals("MET", part(disagreed, "first").get("outcome"), "shown once decided");
        assertEquals(HttpStatus.CONFLICT, refused(() -> post(third, leadsPath + "/second-marking", Map.of("outcome", "MET"))).getStatus());
        Map<String, Object> agreed = post(moderator, "/api/moderation/items/" + secondsItem.get("id") + "/second-marking", Map.of("outcome", "MET"));
        assertEquals("AGREED", agreed.get("state"));
        assertEquals(HttpStatus.CONFLICT, refused(() -> post(third, "/api/moderation/items/" + secondsItem.get("id") + "/resolution",
                Map.of("outcome", "MET", "reason", "x"))).getStatus());

        // resolution: by a third, with a reason, as a new judgement that now counts
        assertEquals(HttpStatus.FORBIDDEN, refused(() -> post(moderator, leadsPath + "/resolution", Map.of("outcome", "NOT_YET", "reason", "同意複評")))
                .getStatus());
        HttpClientResponseException noReason = refused(() -> post(third, leadsPath + "/resolution", Map.of("outcome", "NOT_YET")));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, noReason.getStatus());
        assertTrue(noReason.getResponse().getBody(String.class).orElse("").contains("\"reason\""));
        Map<String, Object> resolved = post(third, leadsPath + "/resolution", Map.of("outcome", "NOT_YET", "reason", "紀錄缺顧客確認，維持未達成"));
        assertEquals("RESOLVED", resolved.get("state"));
        long resolution = ((Number) part(resolved, "resolution").get("judgementId")).longValue();
        List<Map<String, Object>> history = (List<Map<String, Object>>) get(learner, "/api/evidence/" + byLead).get("judgements");
        Map<String, Object> newest = history.stream().filter(j -> ((String) j.get("indicator")).endsWith("P2.3.1"))
                .max((a, b) -> Long.compare(((Number) a.get("id")).longValue(), ((Number) b.get("id")).longValue())).orElseThrow();
        assertEquals(resolution, ((Number) newest.get("id")).longValue());
        assertEquals("NOT_YET", newest.get("outcome"));
        assertEquals(2, history.stream().filter(j -> ((String) j.get("indicator")).endsWith("P2.3.1")).count(), "nothing overwritten");
        assertEquals(HttpStatus.CONFLICT, refused(() -> post(lead, leadsPath + "/resolution", Map.of("outcome", "MET", "reason", "再議"))).getStatus());
        Map<String, Object> listed = (Map<String, Object>) http.toBlocking().retrieve(HttpRequest.GET(courseApi + "/moderation/samples")
                .bearerAuth(moderator), Argument.listOf(Map.class)).stream().filter(s -> s.get("id").equals(sample.get("id"))).findFirst().orElseThrow();
        assertEquals(List.of(3, 2, 1, 1), List.of(listed.get("sampled"), listed.get("marked"), listed.get("disagreements"), listed.get("resolved")));

        // the log: the draws, the two markings and the resolution are leaves, and a replay of the export verifies
        RowCounts rows = new RowCounts(dataSource, List.of());
        log.integrateAll();
        assertEquals("1", rows.single("SELECT COUNT(*) FROM transparency_leaf WHERE kind = 'MODERATION_SAMPLE' AND record_id = " + sample.get("id")));
        assertEquals("2", rows.single("SELECT COUNT(*) FROM transparency_leaf l JOIN moderation_item m ON m.item_id = l.record_id"
                + " WHERE l.kind = 'SECOND_MARKING' AND m.sample_id = " + sample.get("id")));
        assertEquals("1", rows.single("SELECT COUNT(*) FROM transparency_leaf WHERE kind = 'RESOLUTION' AND record_id = " + leadsItem.get("id")));
        log.checkpoint();
        String admin = users.tokenFor("sm.admin", Roles.ADMIN);
        Path checkpoint = Files.writeString(folder.resolve("checkpoint"), http.toBlocking().retrieve(HttpRequest.GET("/transparency/checkpoint")),
                StandardCharsets.UTF_8);
        Path export = Files.writeString(folder.resolve("export.ndjson"), http.toBlocking().retrieve(HttpRequest.GET("/api/transparency/export")
                .bearerAuth(admin)), StandardCharsets.UTF_8);
        String key = http.toBlocking().retrieve(HttpRequest.GET("/transparency/key")).strip();
        assertEquals(0, new CommandLine(new AuditVerifyCommand()).execute("replay", export.toString(), "--checkpoint", checkpoint.toString(),
                "--key", key));
    }
}
