package tw.training.evidence;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Evidence files answer byte ranges (issue 18, the streaming part): a file fetched in three ranges reassembles byte for
 * byte, a suffix range is the file's end, a range outside the file is 416 with the file's size, and a range on a
 * changed file ({@code If-Range} another ETag) or of several parts gets the whole file.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RangeRequestsTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private String learner;
    private String path;
    private String etag;

    @BeforeAll
    void aFileIsStored() {
        TestUsers users = TestUsers.of(context, http);
        PortfolioCourse course = PortfolioCourse.publish(http, users.tokenFor("range.trainer", Roles.TRAINER), "RANGE-1", "客訴處理實務");
        learner = users.tokenFor("range.learner", Roles.LEARNER);
        Map<String, Object> evidence = course.submit(learner, course.enroll("range.learner"), "演練紀錄", List.of("P2.3.1"), "drill.pdf",
                new io.micronaut.http.MediaType("application/pdf"), PortfolioCourse.PDF);
        Map<?, ?> file = (Map<?, ?>) ((List<?>) evidence.get("files")).get(0);
        path = "/api/evidence/" + evidence.get("id") + "/files/" + file.get("id");
        etag = "\"" + file.get("sha256") + "\"";
    }

    private HttpResponse<byte[]> fetch(String... headers) {
        var request = HttpRequest.GET(path).bearerAuth(learner);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.toBlocking().exchange(request, byte[].class);
    }

    @Test
    void threeRangesReassembleTheFile() {
        byte[] whole = PortfolioCourse.PDF;
        int size = whole.length;
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (String range : List.of("bytes=0-99", "bytes=100-" + (size / 2), "bytes=" + (size / 2 + 1) + "-")) {
            HttpResponse<byte[]> part = fetch(HttpHeaders.RANGE, range);
            assertEquals(206, part.code(), range);
            long first = Long.parseLong(range.substring(6, range.indexOf('-')));
            long last = range.endsWith("-") ? size - 1 : Long.parseLong(range.substring(range.indexOf('-') + 1));
            assertEquals("bytes " + first + "-" + last + "/" + size, part.header(HttpHeaders.CONTENT_RANGE));
            assertEquals(String.valueOf(last - first + 1), part.header(HttpHeaders.CONTENT_LENGTH));
            joined.writeBytes(part.body());
        }
        assertArrayEquals(whole, joined.toByteArray());
        assertArrayEquals(Arrays.copyOfRange(whole, size - 10, size), fetch(HttpHeaders.RANGE, "bytes=-10").body(), "the last ten bytes");
        assertEquals("bytes", fetch().header(HttpHeaders.ACCEPT_RANGES));
    }

    @Test
    void aRangeOutsideTheFileIsRefusedWithItsSize() {
        for (String range : List.of("bytes=" + PortfolioCourse.PDF.length + "-", "bytes=9-3", "bytes=-0", "bytes=x-1")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> fetch(HttpHeaders.RANGE, range));
            assertEquals(416, refused.getStatus().getCode(), range);
            assertEquals("bytes */" + PortfolioCourse.PDF.length, refused.getResponse().header(HttpHeaders.CONTENT_RANGE), range);
        }
    }

    @Test
    void aRangeOfAChangedFileOrOfSeveralPartsGetsTheWholeFile() {
        HttpResponse<byte[]> changed = fetch(HttpHeaders.RANGE, "bytes=0-9", HttpHeaders.IF_RANGE, "\"another\"");
        assertEquals(200, changed.code());
        assertArrayEquals(PortfolioCourse.PDF, changed.body());
        assertEquals(206, fetch(HttpHeaders.RANGE, "bytes=0-9", HttpHeaders.IF_RANGE, etag).code(), "the same file: the range");
        HttpResponse<byte[]> several = fetch(HttpHeaders.RANGE, "bytes=0-9, 20-29");
        assertEquals(200, several.code());
        assertArrayEquals(PortfolioCourse.PDF, several.body());
        assertEquals(200, fetch(HttpHeaders.RANGE, "lines=1-2").code(), "another unit");
    }
}
