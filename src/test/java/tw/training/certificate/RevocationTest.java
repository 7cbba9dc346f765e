package tw.training.certificate;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
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
import tw.training.testing.TestUsers;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Revocation is no dead end: the revoked certificate stays revoked and verifiable; the enrollment, re-assessed and
 * complete again, gets a new certificate naming the one it replaces; a learner may enroll again in a course they
 * withdrew from or whose certificate was revoked, the earlier enrollment and its evidence kept.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationTest implements DatabaseTest {

    private static final List<String> INDICATORS = List.of("P2.3.1", "P2.3.2", "P2.3.3", "P2.3.4");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private TestUsers users;
    private String admin;
    private String trainer;
    private long course;

    @BeforeAll
    void publishACourse() {
        users = TestUsers.of(context, http);
        admin = users.tokenFor("revoke.admin", Roles.ADMIN);
        trainer = users.tokenFor("revoke.trainer", Roles.TRAINER);
        course = id(send(HttpRequest.POST("/api/courses", Map.of("code", "REV-1", "title", "重新評量", "hours", 6)), trainer));
        send(HttpRequest.POST("/api/courses/" + course + "/alignments", Map.of("standardCode", "KPS5294-001v4", "taskCode", "T2.3",
                "methods", List.of("OBSERVATION"))), trainer);
        send(HttpRequest.POST("/api/courses/" + course + "/publish", Map.of()), trainer);
    }

    @Test
    void aRevokedCertificateIsReplacedOnceTheEnrollmentIsCompleteAgain() {
        long enrollment = enroll("again.learner");
        long evidence = submitAndJudge(enrollment, "again.learner", "MET");
        Map<String, Object> first = send(HttpRequest.POST("/api/enrollments/" + enrollment + "/certificate", Map.of()), admin);
        send(HttpRequest.POST("/api/certificates/" + first.get("number") + "/revocation", Map.of("reason", "需重新評量")), admin);

        // re-assessed: a NOT_YET un-meets an indicator, a later MET meets it again
        judge(evidence, "P2.3.1", "NOT_YET");
        assertEquals("ACTIVE", send(HttpRequest.GET("/api/enrollments/" + enrollment), admin).get("status"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refusal(HttpRequest.POST("/api/enrollments/" + enrollment + "/certificate", Map.of())).getStatus());
        judge(evidence, "P2.3.1", "MET");
        Map<String, Object> second = send(HttpRequest.POST("/api/enrollments/" + enrollment + "/certificate", Map.of()), admin);

        assertNotEquals(first.get("number"), second.get("number"));
        assertEquals(first.get("number"), second.get("replaces"));
        assertEquals("VALID", second.get("status"));
        assertEquals("REVOKED", verify(first));
        assertEquals("VALID", verify(second));
        assertTrue(http.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + second.get("number")).accept(MediaType.TEXT_HTML).bearerAuth(admin))
                .contains((String) first.get("number")), "the printed certificate names the one it replaces");
        assertEquals(HttpStatus.CONFLICT, refusal(HttpRequest.POST("/api/enrollments/" + enrollment + "/certificate", Map.of())).getStatus());
        List<Map<String, Object>> ofCourse = http.toBlocking().retrieve(HttpRequest.GET("/api/certificates?courseId=" + course).bearerAuth(trainer),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(ofCourse.stream().map(c -> c.get("number") + " " + c.get("status")).toList()
                .containsAll(List.of(first.get("number") + " REVOKED", second.get("number") + " VALID")), ofCourse.toString());
        String report = new String(http.toBlocking().retrieve(HttpRequest.GET("/api/reports/certification?courseId=" + course).accept("text/csv")
                .bearerAuth(trainer), byte[].class), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(report.contains(second.get("number") + "\",\"VALID\""), "the report shows the certificate that replaced the revoked one: " + report);
        String stranger = users.tokenFor("revoke.stranger", Roles.TRAINER);
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/certificates?courseId=" + course).bearerAuth(stranger))).getStatus());
    }

    @Test
    void aLearnerEnrollsAgainAfterARevocationOrAWithdrawalButNotBesideAStandingEnrollment() {
        long revoked = enroll("twice.learner");
        submitAndJudge(revoked, "twice.learner", "MET");
        Map<String, Object> certificate = send(HttpRequest.POST("/api/enrollments/" + revoked + "/certificate", Map.of()), admin);
        assertEquals(HttpStatus.CONFLICT, refusal(HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", "twice.learner")))
                .getStatus(), "a certified learner is not enrolled again");
        send(HttpRequest.POST("/api/certificates/" + certificate.get("number") + "/revocation", Map.of("reason", "需重新評量")), admin);

        long again = enroll("twice.learner");
        assertEquals(HttpStatus.CONFLICT, refusal(HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", "twice.learner")))
                .getStatus(), "not beside an active enrollment");
        send(HttpRequest.POST("/api/enrollments/" + again + "/withdrawal", Map.of()), trainer);
        long third = enroll("twice.learner");

        assertNotEquals(revoked, again);
        assertNotEquals(again, third);
        assertEquals("COMPLETED", send(HttpRequest.GET("/api/enrollments/" + revoked), admin).get("status"), "the earlier enrollment is kept");
        assertEquals("ACTIVE", send(HttpRequest.GET("/api/enrollments/" + third), admin).get("status"));
    }

    private long enroll(String username) {
        users.create(username, Roles.LEARNER);
        return id(send(HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", username)), trainer));
    }

    private long submitAndJudge(long enrollment, String username, String outcome) {
        String claims = String.join(",", INDICATORS.stream().map(p -> "\"KPS5294-001v4:" + p + "\"").toList());
        long evidence = id(send(HttpRequest.POST("/api/enrollments/" + enrollment + "/evidence", MultipartBody.builder().addPart("metadata",
                "{\"method\":\"OBSERVATION\",\"title\":\"觀察\",\"indicators\":[" + claims + "]}").build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE), users.login(username, TestUsers.PASSWORD)));
        INDICATORS.forEach(indicator -> judge(evidence, indicator, outcome));
        return evidence;
    }

    private void judge(long evidence, String indicator, String outcome) {
        http.toBlocking().exchange(HttpRequest.POST("/api/evidence/" + evidence + "/judgements",
                Map.of("indicator", "KPS5294-001v4:" + indicator, "outcome", outcome)).bearerAuth(trainer));
    }

    private String verify(Map<String, Object> certificate) {
        String token = ((String) certificate.get("verificationUrl")).replaceFirst(".*/verify/", "");
        return (String) http.toBlocking().retrieve(HttpRequest.GET("/verify/" + token).accept(MediaType.APPLICATION_JSON),
                Argument.mapOf(String.class, Object.class)).get("status");
    }

    private HttpClientResponseException refusal(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request.bearerAuth(admin)));
    }

    private Map<String, Object> send(MutableHttpRequest<?> request, String token) {
        return http.toBlocking().retrieve(request.bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }
}
