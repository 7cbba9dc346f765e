package tw.training.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import tw.training.testing.PortfolioCourse;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts from a CSV file (issue 31, point 3; acceptance 3): a 500-row Big5 file with a Chinese header previews
 * without writing, then imports with invitations and enrollments; a file with faulty rows names each one by line and
 * field and writes nothing unless the valid rows are chosen; duplicate usernames in the file or the database are named.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountImportTest implements DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("app_user", "user_role", "account_token", "mail_message", "enrollment");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    private String admin;
    private RowCounts counts;

    @BeforeAll
    void aCourse() {
        TestUsers users = TestUsers.of(context, http);
        PortfolioCourse.publish(http, users.tokenFor("import.trainer", Roles.TRAINER), "IMPORT-1", "客訴處理實務");
        admin = users.tokenFor("import.admin", Roles.ADMIN);
        users.create("import.taken", Roles.LEARNER);
        counts = new RowCounts(dataSource, TABLES);
    }

    private HttpResponse<String> send(String mode, byte[] file, String contentType, String token) {
        try {
            return http.toBlocking().exchange(HttpRequest.POST("/api/users/import?mode=" + mode, file).contentType(contentType).bearerAuth(token),
                    String.class);
        } catch (HttpClientResponseException refused) {
            return HttpResponse.status(refused.getStatus()).body(refused.getResponse().getBody(String.class).orElse(""));
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void fiveHundredLearnersFromABig5FileWithAChineseHeaderPreviewThenImportWithInvitations() throws Exception {
        StringBuilder csv = new StringBuilder("帳號,姓名,電子郵件,角色,課程代碼\r\n");
        for (int i = 1; i <= 500; i++) {
            csv.append("cohort.").append(i).append(",學員").append(i).append(" 王小明,cohort").append(i).append("@example.org,學員,IMPORT-1\r\n");
        }
        byte[] big5 = csv.toString().getBytes(Charset.forName("Big5"));
        Map<String, Long> before = counts.now();

        HttpResponse<String> preview = send("preview", big5, "text/csv", admin);
        assertEquals(HttpStatus.OK, preview.getStatus(), preview.body());
        JsonNode report = json(preview);
        assertEquals(500, report.get("valid").asInt());
        assertEquals(0, report.get("created").asInt());
        assertEquals("學員1 王小明", report.get("details").get(0).get("displayName").asText(), "Big5 read as Big5");
        assertEquals(before, counts.now(), "a preview writes nothing");

        HttpResponse<String> imported = send("all", big5, "text/csv", admin);
        assertEquals(HttpStatus.OK, imported.getStatus(), imported.body());
        assertEquals(500, json(imported).get("created").asInt());
        Map<String, Long> after = counts.now();
        assertEquals(before.get("app_user") + 500, after.get("app_user"));
        assertEquals(before.get("account_token") + 500, after.get("account_token"), "each invited");
        assertEquals(before.get("mail_message") + 500, after.get("mail_message"), "each invitation in the outbox");
        assertEquals(before.get("enrollment") + 500, after.get("enrollment"), "each enrolled");
        assertEquals("0", counts.single("SELECT COUNT(*) FROM app_user WHERE username LIKE 'cohort.%' AND password_hash LIKE '$argon2%'"),
                "nobody was given a password");

        JsonNode again = json(send("preview", big5, "text/csv", admin));
        assertEquals(500, again.get("faulty").asInt(), "sent twice, every username is now taken: nothing is created twice");
    }

    @Test
    void faultyRowsAreNamedAndNothingIsWrittenUnlessTheValidRowsAreChosen() throws Exception {
        String csv = "\uFEFFusername,name,email,roles,course\n"
                + "fault.good,好學員,good@example.org,learner,IMPORT-1\n"
                + "fault.good,重複,dup@example.org,learner,\n"
                + "import.taken,已有,taken@example.org,learner,\n"
                + "fault.mail,壞信箱,not-an-address,learner,\n"
                + "fault.course,無課程,course@example.org,learner,NO-SUCH\n"
                + "fault.role,怪角色,role@example.org,wizard,\n"
                + "fault.other,另一位,other@example.org,講師,\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        Map<String, Long> before = counts.now();

        JsonNode preview = json(send("preview", file, "text/csv; charset=UTF-8", admin));
        assertEquals(2, preview.get("valid").asInt());
        List<String> faults = new ArrayList<>();
        preview.get("details").forEach(row -> row.get("faults").forEach(fault -> faults.add(row.get("line").asInt() + ":" + fault.get("field").asText()
                + ":" + fault.get("code").asText())));
        assertEquals(List.of("3:username:onboarding.username-twice", "4:username:account.username-taken", "5:email:account.email-must-e-mail-address",
                "6:course:onboarding.no-course", "7:roles:account.not-one"), faults);

        HttpResponse<String> all = send("all", file, "text/csv", admin);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, all.getStatus());
        JsonNode problem = json(all);
        assertEquals("onboarding.import-has-faults", problem.get("code").asText());
        List<Integer> lines = new ArrayList<>();
        problem.get("errors").forEach(error -> lines.add(error.get("line").asInt()));
        assertEquals(List.of(3, 4, 5, 6, 7), lines, "every faulty row by its line");
        assertEquals(before, counts.now(), "all or nothing: nothing");

        JsonNode valid = json(send("valid", file, "text/csv", admin));
        assertEquals(2, valid.get("created").asInt());
        assertEquals(before.get("app_user") + 2, counts.now().get("app_user"));
        assertEquals("TRAINER", counts.single("SELECT r.role FROM user_role r JOIN app_user u ON u.user_id = r.user_id WHERE u.username = 'fault.other'"),
                "講師 read as the trainer role");
    }

    @Test
    void aFileWithoutTheColumnsItNeedsIsRefusedByName() throws Exception {
        HttpResponse<String> refused = send("preview", "帳號,角色\nsomeone,學員\n".getBytes(StandardCharsets.UTF_8), "text/csv", admin);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        List<String> codes = new ArrayList<>();
        json(refused).get("errors").forEach(error -> codes.add(error.get("code").asText()));
        assertEquals(List.of("onboarding.column-missing.displayName", "onboarding.column-missing.email"), codes);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, send("everything", "a".getBytes(StandardCharsets.UTF_8), "text/csv", admin).getStatus());
    }

    @Test
    void onlyAnAdministratorImports() {
        String trainer = TestUsers.of(context, http).tokenFor("import.trainer", Roles.TRAINER);
        assertEquals(HttpStatus.FORBIDDEN, send("preview", "username,name,email\nx.y,名,x@example.org\n".getBytes(StandardCharsets.UTF_8),
                MediaType.TEXT_PLAIN, trainer).getStatus());
    }
}
