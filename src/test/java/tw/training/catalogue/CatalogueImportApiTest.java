package tw.training.catalogue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import tw.training.testing.TestUsers;
import tw.training.testing.RowCounts;

import javax.sql.DataSource;
import java.nio.charset.Charset;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC §2 imports through HTTP on a real database: new, identical, changed, unreadable, failing part-way. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueImportApiTest implements DatabaseTest {

    private static final String FRONT_DESK = "src/test/resources/documents/standard-front-desk.txt";
    private static final String NIGHT_AUDIT = "src/test/resources/documents/model-night-audit.txt";
    private static final String GUEST_SERVICES = "src/test/resources/documents/unit-guest-services.txt";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    private CatalogueApi api;
    private RowCounts rows;

    @Inject
    ApplicationContext context;

    private TestUsers users;

    @BeforeAll
    void connect() {
        users = TestUsers.of(context, http);
        api = new CatalogueApi(http, users.tokenFor("tsai.trainer", Roles.TRAINER));
        rows = new RowCounts(dataSource, CatalogueApi.TABLES);
    }

    @Test
    void importsANewDocumentOnceAndThenChangesNothing() {
        HttpResponse<Map<String, Object>> created = api.post("/api/standards", CatalogueApi.read(FRONT_DESK));
        Map<String, Long> afterFirst = rows.now();
        HttpResponse<Map<String, Object>> again = api.post("/api/standards", CatalogueApi.read(FRONT_DESK).replace("\n", "\r\n"));

        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals("/api/standards/TSA4224-001v2", created.header("Location"));
        assertEquals("IMPORTED", created.body().get("outcome"));
        assertEquals(10, created.body().get("indicators"));
        assertEquals(HttpStatus.OK, again.getStatus());
        assertEquals("UNCHANGED", again.body().get("outcome"));
        assertEquals(afterFirst, rows.now());
        assertEquals("處理客人特殊需求", CatalogueApi.titleOf(api.document("TSA4224-001v2"), "T1.3"));
    }

    @Test
    void concurrentImportsOfOneDocumentStoreItOnce() throws Exception {
        String text = CatalogueApi.read(FRONT_DESK).replace("TSA4224-001v2", "TSA4224-001v9");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Object>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> api.post("/api/standards", text).body().get("outcome")));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> answer : answers) {
                outcomes.add(answer.get(30, TimeUnit.SECONDS));
            }

            assertEquals(1, outcomes.stream().filter("IMPORTED"::equals).count(), outcomes.toString());
            assertEquals(5, outcomes.stream().filter("UNCHANGED"::equals).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesImportsFromLearners() {
        CatalogueApi learner = new CatalogueApi(http, users.tokenFor("lee.learner", Roles.LEARNER));

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> learner.post("/api/standards", CatalogueApi.read(FRONT_DESK)));

        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
        assertEquals("urn:competency:problem:forbidden", CatalogueApi.problem(refused).get("type"));
    }

    @Test
    void letsAdministratorsImportAsTrainersDo() {
        CatalogueApi admin = new CatalogueApi(http, users.tokenFor("ada.admin", Roles.ADMIN));

        HttpResponse<Map<String, Object>> answer = admin.post("/api/standards", CatalogueApi.read("seeds/002_024a0f339eca93a4.txt"));

        assertEquals(HttpStatus.OK, answer.getStatus());
    }

    @Test
    void refusesOtherContentUnderATakenCode() {
        Map<String, Long> before = rows.now();
        String changed = CatalogueApi.read("seeds/000_8455bb19119e8168.txt").replace("確認營運範圍與銷售目標。", "確認營運範圍。");

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> api.post("/api/standards", changed));

        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
        assertTrue(String.valueOf(CatalogueApi.problem(refused).get("detail")).contains("KPS5294-001v4"));
        assertEquals(before, rows.now());
    }

    @Test
    void refusesGarbageNamingItsLinesAndStoresNothing() {
        Map<String, Long> before = rows.now();

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> api.post("/api/standards", "hello\n\nthis is no standard"));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        List<Map<String, Object>> errors = CatalogueApi.errors(refused);
        assertTrue(errors.stream().anyMatch(e -> Integer.valueOf(1).equals(e.get("line"))), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> Integer.valueOf(3).equals(e.get("line"))), errors.toString());
        assertEquals(before, rows.now());
    }

    @Test
    void refusesTextThatIsNotUtf8AtItsFirstBadLine() {
        byte[] big5 = "職能基準代碼\tX\n職業\t測試".getBytes(Charset.forName("Big5"));

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> api.exchange(HttpRequest.POST("/api/standards", big5).contentType(MediaType.TEXT_PLAIN_TYPE), Object.class));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertEquals(1, CatalogueApi.errors(refused).get(0).get("line"));
    }

    @Test
    void takesJsonOnlyAsACasePackage() {
        // JSON is a CASE 1.1 CFPackage (SPEC §12, issue 19): anything else is refused naming what a package lacks
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> api.exchange(HttpRequest.POST("/api/standards", Map.of("code", "X")), Object.class));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertTrue(CatalogueApi.problem(refused).toString().contains("CFDocument"), CatalogueApi.problem(refused).toString());
        HttpClientResponseException xml = assertThrows(HttpClientResponseException.class, () -> api.exchange(
                HttpRequest.POST("/api/standards", "<x/>").contentType(MediaType.APPLICATION_XML_TYPE), Object.class));
        assertEquals(HttpStatus.UNSUPPORTED_MEDIA_TYPE, xml.getStatus());
        assertEquals("urn:competency:problem:unsupported-media-type", CatalogueApi.problem(xml).get("type"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void importsAModelUnderTheCodeTheCallerGivesAndReportsItsWarnings() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> api.post("/api/standards", CatalogueApi.read(NIGHT_AUDIT)));
        HttpResponse<Map<String, Object>> created = api.post("/api/standards?code=THM4224-M02", CatalogueApi.read(NIGHT_AUDIT));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals("MODEL", created.body().get("kind"));
        List<Map<String, Object>> warnings = (List<Map<String, Object>>) created.body().get("warnings");
        assertEquals(List.of("knowledge K99 is referred to by T2.1 but never defined",
                "expected indicator P2.1.2 but found P2.1.3 (gap or misnumbering)"), warnings.stream().map(w -> w.get("message")).toList());
    }

    @Test
    void leavesNoRowBehindWhenTheDatabaseFailsPartWay() throws SQLException {
        Map<String, Long> before = rows.now();
        // the last indicator of the unit is written after the unit, its tasks and the earlier rows
        rows.execute("ALTER TABLE indicator ADD CONSTRAINT indicator_fault_for_test CHECK (content <> '彙整常見需求並提出改善建議')");
        try {
            HttpClientResponseException failed = assertThrows(HttpClientResponseException.class, () -> api.post("/api/standards", CatalogueApi.read(GUEST_SERVICES)));

            assertEquals(HttpStatus.INTERNAL_SERVER_ERROR, failed.getStatus());
            assertNotNull(CatalogueApi.problem(failed).get("errorId"));
            assertEquals(before, rows.now());
        } finally {
            rows.execute("ALTER TABLE indicator DROP CONSTRAINT indicator_fault_for_test");
        }
        assertEquals(HttpStatus.CREATED, api.post("/api/standards", CatalogueApi.read(GUEST_SERVICES)).getStatus());
    }

}
