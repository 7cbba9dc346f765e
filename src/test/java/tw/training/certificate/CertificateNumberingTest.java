package tw.training.certificate;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.Parallel;
import tw.training.testing.TestUsers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Admins issuing at the same moment in one course still get one number each, in sequence, with no gap; issuing one
 * enrollment's certificate twenty times at once gives one certificate and nineteen conflicts.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateNumberingTest implements DatabaseTest {

    private static final List<String> INDICATORS = List.of("P2.3.1", "P2.3.2", "P2.3.3", "P2.3.4");
    private static final int LEARNERS = 20;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private String admin;

    @BeforeAll
    void signInAnAdministrator() {
        admin = TestUsers.of(context, http).tokenFor("numbering.admin", Roles.ADMIN);
    }

    @Test
    void concurrentIssuesTakeConsecutiveNumbers() throws Exception {
        List<Long> enrollments = completedEnrollments("num.7", LEARNERS);

        Set<String> numbers = new TreeSet<>(Parallel.run(LEARNERS, client -> (String) send(HttpRequest.POST(
                "/api/enrollments/" + enrollments.get(client) + "/certificate", Map.of()), admin).get("number")));

        String year = numbers.iterator().next().split("-")[2];
        Set<String> expected = new TreeSet<>();
        for (int i = 1; i <= LEARNERS; i++) {
            expected.add(String.format("NUM-7-%s-%04d", year, i));
        }
        assertEquals(expected, numbers);
    }

    @Test
    void twentyIssuesOfOneEnrollmentsCertificateAtOnceGiveOneCertificateAndConflicts() throws Exception {
        long enrollment = completedEnrollments("num.8", 1).get(0);

        List<Integer> statuses = Parallel.run(20, client -> {
            try {
                return http.toBlocking().exchange(HttpRequest.POST("/api/enrollments/" + enrollment + "/certificate", Map.of())
                        .bearerAuth(admin)).getStatus().getCode();
            } catch (HttpClientResponseException e) {
                return e.getStatus().getCode();
            }
        });

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    /** Learners of a new published course, each with every indicator met. */
    private List<Long> completedEnrollments(String code, int learners) {
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("numbering.trainer", Roles.TRAINER);
        long course = id(send(HttpRequest.POST("/api/courses", Map.of("code", code, "title", "編號", "hours", 3)), trainer));
        send(HttpRequest.POST("/api/courses/" + course + "/alignments",
                Map.of("standardCode", "KPS5294-001v4", "taskCode", "T2.3", "methods", List.of("OBSERVATION"))), trainer);
        send(HttpRequest.POST("/api/courses/" + course + "/publish", Map.of()), trainer);
        List<Long> enrollments = new ArrayList<>();
        for (int i = 0; i < learners; i++) {
            String username = code.replace(".", "") + ".learner" + i;
            users.create(username, Roles.LEARNER);
            String learner = users.login(username, TestUsers.PASSWORD);
            long enrollment = id(send(HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", username)), trainer));
            String claims = String.join(",", INDICATORS.stream().map(p -> "\"KPS5294-001v4:" + p + "\"").toList());
            long evidence = id(send(HttpRequest.POST("/api/enrollments/" + enrollment + "/evidence", MultipartBody.builder().addPart("metadata",
                    "{\"method\":\"OBSERVATION\",\"title\":\"觀察\",\"indicators\":[" + claims + "]}").build())
                    .contentType(MediaType.MULTIPART_FORM_DATA_TYPE), learner));
            http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course + "/judgements", INDICATORS.stream()
                    .map(p -> Map.of("evidenceId", evidence, "indicator", "KPS5294-001v4:" + p, "outcome", "MET")).toList()).bearerAuth(trainer));
            enrollments.add(enrollment);
        }
        return enrollments;
    }

    private Map<String, Object> send(MutableHttpRequest<?> request, String token) {
        return http.toBlocking().retrieve(request.bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }
}
