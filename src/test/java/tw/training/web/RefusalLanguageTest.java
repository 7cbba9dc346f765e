package tw.training.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.ObjectMapper;
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
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Issue 30, point 2, for the API: every refusal has a stable machine {@code code} (and each field at fault its own),
 * and {@code Accept-Language} chooses the language of {@code detail} and of the fields' messages, English when the
 * client asks for none of ours.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalLanguageTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private String trainer;

    @BeforeAll
    void aTrainer() {
        trainer = TestUsers.of(context, http).tokenFor("refusals.trainer", Roles.TRAINER);
    }

    @Test
    void aRefusedFormNamesItsCodesAndSpeaksTheClientsLanguage() {
        Map<String, Object> body = Map.of("code", "bad code!", "title", "", "hours", 6);
        Map<String, Object> english = problem(HttpRequest.POST("/api/courses", body));
        Map<String, Object> chinese = problem(HttpRequest.POST("/api/courses", body).header("Accept-Language", "zh-TW,zh;q=0.9,en;q=0.5"));
        Map<String, Object> french = problem(HttpRequest.POST("/api/courses", body).header("Accept-Language", "fr-FR"));

        assertEquals("course.course-cannot-created-as-given", english.get("code"));
        assertEquals(english.get("code"), chinese.get("code"));
        assertEquals("The course cannot be created as given", english.get("detail"));
        assertEquals("無法依所填內容建立課程", chinese.get("detail"));
        assertEquals(english.get("detail"), french.get("detail"), "English for a language we do not speak");
        assertEquals(List.of("course.code-must-letters-digits", "course.must-have-characters"), codes(english));
        assertEquals(codes(english), codes(chinese));
        assertEquals("代碼須為 1 至 64 個字母、數字、「.」、「_」或「-」", message(chinese, "course.code-must-letters-digits"));
        assertEquals("code must be 1 to 64 of letters, digits, '.', '_', '-'", message(english, "course.code-must-letters-digits"));
    }

    @Test
    void aThingNotFoundAndAnUnreadableBodyToo() {
        Map<String, Object> missing = problem(HttpRequest.GET("/api/courses/987654").header("Accept-Language", "zh-Hant-TW"));
        Map<String, Object> unreadable = problem(HttpRequest.POST("/api/courses", "{\"code\":").contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Accept-Language", "zh-TW"));

        assertEquals("course.course-not-found", missing.get("code"));
        assertEquals("找不到課程 987654", missing.get("detail"));
        assertEquals(400, unreadable.get("status"));
        assertEquals("problem.bad-request", unreadable.get("code"));
        assertEquals("無法讀取此請求", unreadable.get("detail"));
    }

    private Map<String, Object> problem(MutableHttpRequest<?> request) {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request.bearerAuth(trainer), String.class));
        try {
            return context.getBean(ObjectMapper.class).readValue(refused.getResponse().getBody(String.class).orElseThrow(),
                    Argument.mapOf(String.class, Object.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream().map(error -> (String) error.get("code")).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static String message(Map<String, Object> problem, String code) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream().filter(error -> code.equals(error.get("code")))
                .map(error -> (String) error.get("message")).findFirst().orElseThrow();
    }
}
