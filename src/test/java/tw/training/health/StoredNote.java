package tw.training.health;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import tw.training.account.Roles;
import tw.training.course.CourseFixtures;
import tw.training.testing.TestUsers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A learner's evidence with one small file ("紀錄") in the store, for the outage tests: the learner's token, where
 * evidence is submitted and where the file is downloaded.
 *
 * @param evidence the evidence's id
 */
record StoredNote(String learner, String submit, String file, Object evidence) {

    static final String CONTENT = "紀錄";

    /** Users {@code <prefix>.trainer} and {@code <prefix>.learner}, a published course, an enrollment and the note. */
    static StoredNote upload(ApplicationContext context, HttpClient http, String prefix) {
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor(prefix + ".trainer", Roles.TRAINER);
        long course = CourseFixtures.publishedComplaintsCourse(http, trainer, prefix.toUpperCase(), "儲存");
        users.create(prefix + ".learner", Roles.LEARNER);
        Map<?, ?> enrollment = http.toBlocking().retrieve(HttpRequest.POST("/api/courses/" + course + "/enrollments",
                Map.of("username", prefix + ".learner")).bearerAuth(trainer), Map.class);
        String learner = users.tokenFor(prefix + ".learner", Roles.LEARNER);
        String submit = "/api/enrollments/" + enrollment.get("id") + "/evidence";
        Map<?, ?> evidence = http.toBlocking().retrieve(HttpRequest.POST(submit, body()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(learner), Map.class);
        String file = "/api/evidence/" + evidence.get("id") + "/files/" + ((Map<?, ?>) ((List<?>) evidence.get("files")).get(0)).get("id");
        return new StoredNote(learner, submit, file, evidence.get("id"));
    }

    /** The submission: observation of P2.3.1 with the note. */
    static MultipartBody body() {
        return MultipartBody.builder().addPart("metadata", "{\"method\":\"OBSERVATION\",\"title\":\"觀察\",\"indicators\":[\"KPS5294-001v4:P2.3.1\"]}")
                .addPart("file", "note.txt", MediaType.TEXT_PLAIN_TYPE, CONTENT.getBytes(StandardCharsets.UTF_8)).build();
    }
}
