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
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 34, point 1: a course's validation plan. Never validated, it is due, with the triggers of everything so far; its
 * lead trainer names someone else to validate it (never themselves), the next due day defaults to three years on, and
 * the triggers start again from the validation; a complaint is one. Refusals: a co-trainer may read but not set it, a
 * stranger finds no course, a learner is refused.
 */
@MicronautTest(transactional = false)
class ValidationPlanTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    io.micronaut.context.ApplicationContext context;

    private Map<String, Object> plan(String token, long course) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/courses/" + course + "/validation-plan").bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> set(String token, long course, Map<String, Object> body) {
        return http.toBlocking().retrieve(HttpRequest.PUT("/api/courses/" + course + "/validation-plan", body).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
    }

    private HttpClientResponseException refused(String token, long course, Map<String, Object> body) {
        return assertThrows(HttpClientResponseException.class, () -> set(token, course, body));
    }

    @Test
    void aCourseIsValidatedBySomeoneElseEveryThreeYearsAndSaysWhyEarlier() {
        TestUsers users = TestUsers.of(context, http);
        String lead = users.tokenFor("val.lead", Roles.TRAINER);
        String second = users.tokenFor("val.second", Roles.TRAINER);
        String stranger = users.tokenFor("val.stranger", Roles.TRAINER);
        String learner = users.tokenFor("val.learner", Roles.LEARNER);
        PortfolioCourse course = PortfolioCourse.publish(http, lead, "VAL-1", "客訴處理實務");
        http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course.id() + "/trainers", Map.of("username", "val.second")).bearerAuth(lead));
        long evidence = course.submitPdf(learner, course.enroll("val.learner"), "作品", List.of("P2.3.1"));
        course.judge(evidence, "P2.3.1", "MET", "符合");

        Map<String, Object> never = plan(second, course.id());
        assertEquals(true, never.get("due"), "never validated: due now");
        assertEquals(List.of("NEW_ASSESSOR", "CHANGED_PLAN"), never.get("triggers"));
        assertEquals(List.of("val.lead"), never.get("newAssessors"));

        String today = LocalDate.now(ZoneId.of("Asia/Taipei")).toString();
        assertEquals(HttpStatus.FORBIDDEN, refused(second, course.id(), Map.of("lastValidated", today, "validator", "val.stranger")).getStatus());
        HttpClientResponseException self = refused(lead, course.id(), Map.of("lastValidated", today, "validator", "val.lead"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, self.getStatus());
        assertTrue(self.getResponse().getBody(String.class).orElse("").contains("validator"));
        HttpClientResponseException future = refused(lead, course.id(), Map.of("lastValidated", LocalDate.now(ZoneId.of("Asia/Taipei")).plusDays(3).toString(),
                "validator", "nobody.at.all"));
        String problem = future.getResponse().getBody(String.class).orElse("");
        assertTrue(problem.contains("lastValidated") && problem.contains("nobody.at.all"), problem);

        Map<String, Object> validated = set(lead, course.id(), Map.of("lastValidated", today, "validator", "val.stranger"));
        assertEquals(LocalDate.parse(today).plusYears(3).toString(), validated.get("nextDue"));
        assertEquals(false, validated.get("due"));
        assertEquals(List.of(), validated.get("triggers"), "nothing since the validation");
        assertEquals("val.stranger", validated.get("validator"));

        Map<String, Object> body = new HashMap<>(Map.of("lastValidated", today, "validator", "val.stranger", "complaint", "學員申訴評分不一致"));
        assertEquals(List.of("COMPLAINT"), set(lead, course.id(), body).get("triggers"));
        assertEquals(List.of("COMPLAINT"), plan(lead, course.id()).get("triggers"));

        String outsider = users.tokenFor("val.outsider", Roles.TRAINER);
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class, () -> plan(outsider, course.id())).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> plan(learner, course.id())).getStatus());
    }

    @Test
    void twoFirstSavesAtOnceMakeOnePlan() throws Exception {
        TestUsers users = TestUsers.of(context, http);
        String lead = users.tokenFor("val.twice", Roles.TRAINER);
        users.create("val.other", Roles.TRAINER);
        PortfolioCourse course = PortfolioCourse.publish(http, lead, "VAL-2", "客訴處理實務");
        String today = LocalDate.now(ZoneId.of("Asia/Taipei")).toString();
        List<Map<String, Object>> saved = tw.training.testing.Parallel.run(8, i -> set(lead, course.id(), Map.of("lastValidated", today,
                "validator", "val.other")));
        saved.forEach(plan -> assertEquals(LocalDate.parse(today).plusYears(3).toString(), plan.get("nextDue")));
        assertEquals("val.other", plan(lead, course.id()).get("validator"));
    }
}
