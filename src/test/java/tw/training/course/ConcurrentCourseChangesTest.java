package tw.training.course;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.Parallel;
import tw.training.testing.TestUsers;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Changes at the same moment (issue 28, point 11): twenty changes to a published course open one draft between them,
 * and twenty courses created under one code give one course and nineteen conflicts, never a 500.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentCourseChangesTest implements DatabaseTest {

    private static final int CLIENTS = 20;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private String trainer;

    @BeforeAll
    void aTrainer() {
        trainer = TestUsers.of(context, http).tokenFor("race.trainer", Roles.TRAINER);
    }

    private int status(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void twentyChangesToAPublishedCourseOpenOneDraft() throws Exception {
        long course = CourseFixtures.publishedComplaintsCourse(http, trainer, "RACE-1", "同時修改");
        List<String> methods = List.of("OBSERVATION", "PORTFOLIO", "ORAL_QUESTIONING", "WRITTEN_TEST");
        List<Integer> statuses = Parallel.run(CLIENTS, client -> status(HttpRequest.PUT("/api/courses/" + course + "/plan/KPS5294-001v4:P2.3.1",
                Map.of("methods", List.of(methods.get(client % methods.size())))).bearerAuth(trainer)));
        assertEquals(List.of(), statuses.stream().filter(s -> s != 200).toList(), "every change lands: " + statuses);
        List<Map<String, Object>> revisions = http.toBlocking().retrieve(HttpRequest.GET("/api/courses/" + course + "/revisions")
                .bearerAuth(trainer), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(List.of(1, 2), revisions.stream().map(r -> ((Number) r.get("number")).intValue()).toList(), "one draft opened");
    }

    @Test
    void twentyCoursesUnderOneCodeGiveOneCourse() throws Exception {
        List<Integer> statuses = Parallel.run(CLIENTS, client -> status(HttpRequest.POST("/api/courses",
                Map.of("code", "RACE-CODE", "title", "同一代碼 " + client, "hours", 3)).bearerAuth(trainer)));
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(CLIENTS - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }
}
