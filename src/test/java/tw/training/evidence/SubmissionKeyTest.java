package tw.training.evidence;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 30, point 4: a submission's one-time key. Sent again, the piece already stored is answered (200, not 201) and
 * nothing is stored twice, even when both arrive at once; without a key every submission is a new piece; a malformed
 * key is refused by field.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionKeyTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private String learner;
    private String trainer;
    private long enrollment;

    @BeforeAll
    void aLearner() {
        TestUsers users = TestUsers.of(context, http);
        trainer = users.tokenFor("key.trainer", Roles.TRAINER);
        learner = users.tokenFor("key.learner", Roles.LEARNER);
        enrollment = PortfolioCourse.publish(http, trainer, "KEY-1", "客訴處理實務").enroll("key.learner");
    }

    private HttpResponse<Map<String, Object>> submit(String title, String key) {
        String metadata = "{\"method\":\"PORTFOLIO\",\"title\":\"" + title + "\",\"indicators\":[\"KPS5294-001v4:P2.3.1\"]"
                + (key == null ? "" : ",\"submissionKey\":\"" + key + "\"") + "}";
        return http.toBlocking().exchange(HttpRequest.POST("/api/enrollments/" + enrollment + "/evidence", MultipartBody.builder()
                        .addPart("metadata", metadata).addPart("file", "drill.pdf", new MediaType("application/pdf"), PortfolioCourse.PDF).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(learner), Argument.mapOf(String.class, Object.class));
    }

    private long pieces(String title) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/enrollments/" + enrollment + "/evidence").bearerAuth(trainer),
                Argument.listOf(Argument.mapOf(String.class, Object.class))).stream().filter(p -> title.equals(p.get("title"))).count();
    }

    @Test
    void theSameKeyAgainAnswersThePieceAlreadyStored() {
        HttpResponse<Map<String, Object>> first = submit("一次", "form-key-0001");
        HttpResponse<Map<String, Object>> again = submit("一次", "form-key-0001");
        assertEquals(201, first.code());
        assertEquals(200, again.code());
        assertEquals(first.body().get("id"), again.body().get("id"));
        assertEquals(1, pieces("一次"));
        submit("沒有鑰匙", null);
        submit("沒有鑰匙", null);
        assertEquals(2, pieces("沒有鑰匙"), "without a key, each submission is a piece");
    }

    @Test
    void twoSubmissionsWithOneKeyAtOnceStoreOnePiece() throws Exception {
        List<Object> ids = Parallel.run(4, client -> submit("同時", "form-key-0002").body().get("id"));
        assertEquals(1, ids.stream().distinct().count(), ids.toString());
        assertEquals(1, pieces("同時"));
    }

    @Test
    void aMalformedKeyIsRefusedByField() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> submit("壞鑰匙", "no spaces!"));
        assertEquals(422, refused.code());
        assertTrue(refused.getResponse().getBody(String.class).orElse("").contains("metadata.submissionKey"));
        assertEquals(0, pieces("壞鑰匙"));
    }
}
