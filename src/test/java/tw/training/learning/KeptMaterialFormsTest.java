package tw.training.learning;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.FormClient;
import tw.training.testing.LearningApi;
import tw.training.testing.TestUsers;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 30, point 4: a refused lesson or link keeps what the trainer wrote (a lesson's text is work one must not lose). */
@MicronautTest(transactional = false)
class KeptMaterialFormsTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Test
    void aRefusedLessonOrLinkIsShownAgainAsItWasWritten() {
        LearningApi api = new LearningApi(http);
        String token = TestUsers.of(context, http).tokenFor("kept.trainer", Roles.TRAINER);
        long course = api.draftCourse(token, "KEPT-1");
        String materials = "/courses/" + course + "/modules/" + api.firstModule(token, course) + "/materials";
        FormClient trainer = new FormClient(server.getURL().toString(), "zh-TW").signIn("kept.trainer", TestUsers.PASSWORD);

        HttpResponse<String> lesson = trainer.postForm(materials, "kind", "LESSON", "title", "", "markdown", "# 傾聽\n\n先聽完，再回應。");
        assertEquals(422, lesson.statusCode());
        assertTrue(lesson.body().contains("id=\"lesson-title-error\""), "why, beside the title");
        assertTrue(lesson.body().contains("># 傾聽\n\n先聽完，再回應。</textarea>"), "the lesson's text as it was written");

        HttpResponse<String> link = trainer.postForm(materials, "kind", "LINK", "title", "消費者保護法", "url", "ftp://law.example/");
        assertEquals(422, link.statusCode());
        assertTrue(link.body().contains("value=\"消費者保護法\"") && link.body().contains("value=\"ftp://law.example/\""), "the link as it was typed");
        assertTrue(!lesson.body().contains("value=\"消費者保護法\""), "each form keeps its own");
    }
}
