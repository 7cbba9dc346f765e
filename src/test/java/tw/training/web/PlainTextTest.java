package tw.training.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
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
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text that cannot be stored (a NUL, an escape character, half a surrogate pair) is refused at input with 422
 * naming the field or line, on every kind of body, and nothing is written.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainTextTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    private String admin;
    private String trainer;
    private RowCounts rows;

    @BeforeAll
    void signIn() {
        TestUsers users = TestUsers.of(context, http);
        admin = users.tokenFor("text.admin", Roles.ADMIN);
        trainer = users.tokenFor("text.trainer", Roles.TRAINER);
        rows = new RowCounts(dataSource, List.of("app_user", "course", "standard"));
    }

    @Test
    void aNulInACourseTitleIsRefusedNamingTheField() {
        assertRefused(json("/api/courses", trainer, "{\"code\":\"NUL-1\",\"title\":\"客訴\\u0000處理\",\"hours\":6}"), "title");
    }

    @Test
    void halfASurrogatePairInADisplayNameIsRefusedNamingTheField() {
        assertRefused(json("/api/users", admin, "{\"username\":\"half.pair\",\"displayName\":\"王\\ud800明\","
                + "\"email\":\"h@example.org\",\"password\":\"a long enough secret\",\"roles\":[\"LEARNER\"]}"), "displayName");
    }

    @Test
    void anEscapeCharacterInANestedListIsNamedByItsPath() {
        long course = ((Number) http.toBlocking().retrieve(json("/api/courses", trainer,
                "{\"code\":\"ESC-1\",\"title\":\"路徑\",\"hours\":6}"), Map.class).get("id")).longValue();

        assertRefused(json("/api/courses/" + course + "/alignments", trainer,
                "{\"standardCode\":\"KPS5294-001v4\",\"taskCode\":\"T2.3\",\"methods\":[\"OBSERVATION\",\"\\u001b[31m\"]}"), "methods[1]");
    }

    @Test
    void aControlCharacterInAnImportedDocumentIsRefusedAtItsLine() {
        String document = "標準\n\n職能基準代碼\tXYZ1234-001v1\n職能基準名稱\t壞\u0007字\n";
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/standards", document).contentType(MediaType.TEXT_PLAIN + ";charset=UTF-8").bearerAuth(trainer)));

        assertEquals(422, refused.getStatus().getCode());
        assertTrue(refused.getResponse().getBody(String.class).orElse("").contains("\"line\":4"),
                refused.getResponse().getBody(String.class).orElse(""));
    }

    @Test
    void lineBreaksAndTabsAreText() {
        Map<?, ?> created = http.toBlocking().retrieve(json("/api/courses", trainer,
                "{\"code\":\"TAB-1\",\"title\":\"第一行\",\"description\":\"一\\n二\\t三\",\"hours\":6}"), Map.class);

        assertEquals("一\n二\t三", created.get("description"));
    }

    private void assertRefused(MutableHttpRequest<String> request, String field) {
        Map<String, Long> before = rows.now();
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request));
        String body = refused.getResponse().getBody(String.class).orElse("");

        assertEquals(422, refused.getStatus().getCode(), body);
        assertTrue(body.contains("\"field\":\"" + field + "\""), body);
        assertEquals(before, rows.now());
    }

    private static MutableHttpRequest<String> json(String path, String token, String body) {
        return HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON).bearerAuth(token);
    }
}
