package tw.training.learning;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.LearningApi;
import tw.training.testing.S3Server;
import tw.training.testing.TestUsers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A video kept in S3-compatible object storage answers ranges as one on disk does (issue 18, acceptance 3): each range
 * is a ranged GET on the bucket, so seeking in a long video does not read what precedes the point sought.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3MaterialRangeTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private Map<String, String> bucket;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        if (bucket == null) {
            bucket = S3Server.freshBucket();
        }
        properties.putAll(bucket);
        return properties;
    }

    @Test
    void aVideoInTheBucketIsFetchedInThreeRanges() {
        LearningApi api = new LearningApi(http);
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("s3.material.trainer", Roles.TRAINER);
        long course = api.draftCourse(trainer, "MAT-S3");
        long module = api.firstModule(trainer, course);
        long video = LearningApi.id(api.send(trainer, HttpRequest.POST("/api/courses/" + course + "/modules/" + module + "/materials",
                MultipartBody.builder().addPart("file", "demo.mp4", new MediaType("video/mp4"), MaterialsApiTest.VIDEO).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)));
        MaterialsApiTest.threeRangesReassemble(http, api, trainer, "/api/materials/" + video + "/file", MaterialsApiTest.VIDEO);

        // issue 29, point 2: the object gone from the bucket is a 404 that says so, whole or in a range, never a 500
        S3Server.empty(bucket);
        for (MutableHttpRequest<?> request : List.of(HttpRequest.GET("/api/materials/" + video + "/file"),
                HttpRequest.GET("/api/materials/" + video + "/file").header("Range", "bytes=100-"))) {
            HttpClientResponseException lost = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(request.bearerAuth(trainer), byte[].class));
            assertEquals(404, lost.code());
            assertTrue(lost.getResponse().getBody(String.class).orElse("").contains("missing from the store"));
        }
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/health/readiness"), String.class).code(), "the bucket answers: ready");
    }
}
