package tw.training.writtentest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
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
import tw.training.testing.LearningApi;
import tw.training.testing.TestUsers;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Importing an item bank (issue 18, acceptance 4): a GIFT file and a CSV file holding every supported kind import exactly;
 * a file with one bad line imports nothing and names the line. Items added as JSON follow the same rules.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemImportTest implements DatabaseTest {

    static final String GIFT = """
            $CATEGORY: 客訴處理

            // [tag:KPS5294-001v4:P2.3.1]
            ::Q1:: 顧客抱怨時，第一步應該？ {=傾聽顧客的說法 ~立刻辯解 ~轉移話題}

            // 同理的回應 [tag:KPS5294-001v4:P2.3.1] [tag:KPS5294-001v4:P2.3.2]
            ::Q2:: 哪些是同理的回應？ {
              ~%50%複述顧客的感受
              ~%50%為造成的不便致歉 #很好
              ~%-100%指出顧客的錯誤
            }

            // [tag:KPS5294-001v4:P2.3.2]
            客訴應當場記錄處理經過。{T}

            // [tag:KPS5294-001v4:P2.3.3]
            ::Q4:: [markdown]說明安撫顧客情緒的做法\\: 至少一點。 {=先傾聽再回應 =先同理再說明}
            """;

    static final String CSV = """
            kind,stem,options,answer,indicators
            SINGLE_CHOICE,顧客抱怨時，第一步應該？,傾聽顧客的說法|立刻辯解|轉移話題,1,KPS5294-001v4:P2.3.1
            MULTIPLE_CHOICE,"哪些是同理的回應？（可複選，含""致歉""）",複述顧客的感受|為造成的不便致歉|指出顧客的錯誤,1|2,KPS5294-001v4:P2.3.1|KPS5294-001v4:P2.3.2
            TRUE_FALSE,客訴應當場記錄處理經過。,,true,KPS5294-001v4:P2.3.2
            SHORT_ANSWER,"說明安撫顧客情緒的做法，
            至少一點。",,先傾聽再回應,KPS5294-001v4:P2.3.3
            """;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private LearningApi api;
    private String trainer;

    @BeforeAll
    void aTrainer() {
        api = new LearningApi(http);
        trainer = TestUsers.of(context, http).tokenFor("bank.trainer", Roles.TRAINER);
    }

    private Map<String, Object> upload(long course, String type, String text) {
        return api.send(trainer, HttpRequest.POST("/api/courses/" + course + "/items", text).contentType(type));
    }

    @Test
    void giftWithEveryKindImportsExactly() {
        long course = api.draftCourse(trainer, "BANK-GIFT");
        assertEquals(4, ((Number) upload(course, MediaType.TEXT_PLAIN, GIFT).get("imported")).intValue());
        assertEquals(List.of(
                "SINGLE_CHOICE|顧客抱怨時，第一步應該？|1:傾聽顧客的說法*,2:立刻辯解,3:轉移話題|null|[KPS5294-001v4:P2.3.1]",
                "MULTIPLE_CHOICE|哪些是同理的回應？|1:複述顧客的感受*,2:為造成的不便致歉*,3:指出顧客的錯誤|null|[KPS5294-001v4:P2.3.1, KPS5294-001v4:P2.3.2]",
                "TRUE_FALSE|客訴應當場記錄處理經過。|1:true*,2:false|null|[KPS5294-001v4:P2.3.2]",
                "SHORT_ANSWER|說明安撫顧客情緒的做法: 至少一點。||先傾聽再回應 / 先同理再說明|[KPS5294-001v4:P2.3.3]"),
                api.list(trainer, "/api/courses/" + course + "/items").stream().map(ItemImportTest::described).toList());
    }

    @Test
    void csvWithEveryKindImportsExactly() {
        long course = api.draftCourse(trainer, "BANK-CSV");
        assertEquals(4, ((Number) upload(course, "text/csv", CSV).get("imported")).intValue());
        assertEquals(List.of(
                "SINGLE_CHOICE|顧客抱怨時，第一步應該？|1:傾聽顧客的說法*,2:立刻辯解,3:轉移話題|null|[KPS5294-001v4:P2.3.1]",
                "MULTIPLE_CHOICE|哪些是同理的回應？（可複選，含\"致歉\"）|1:複述顧客的感受*,2:為造成的不便致歉*,3:指出顧客的錯誤|null|[KPS5294-001v4:P2.3.1, KPS5294-001v4:P2.3.2]",
                "TRUE_FALSE|客訴應當場記錄處理經過。|1:true*,2:false|null|[KPS5294-001v4:P2.3.2]",
                "SHORT_ANSWER|說明安撫顧客情緒的做法，\n至少一點。||先傾聽再回應|[KPS5294-001v4:P2.3.3]"),
                api.list(trainer, "/api/courses/" + course + "/items").stream().map(ItemImportTest::described).toList());
    }

    @Test
    void aGiftFileWithOneBadLineImportsNothingAndNamesTheLine() {
        long course = api.draftCourse(trainer, "BANK-GIFT-BAD");
        String bad = GIFT + "\n// [tag:KPS5294-001v4:P2.3.1]\n::Q5:: 一年有幾個月？ {#12}\n";
        HttpClientResponseException refused = api.refused(422, trainer,
                HttpRequest.POST("/api/courses/" + course + "/items", bad).contentType(MediaType.TEXT_PLAIN));
        assertEquals(List.of(List.of(bad.split("\n")).indexOf("::Q5:: 一年有幾個月？ {#12}") + 1), lines(refused));
        String untagged = GIFT.replace("// [tag:KPS5294-001v4:P2.3.2]\n", "");
        int line = List.of(untagged.split("\n")).indexOf("客訴應當場記錄處理經過。{T}") + 1;
        assertEquals(List.of(line), lines(api.refused(422, trainer,
                HttpRequest.POST("/api/courses/" + course + "/items", untagged).contentType(MediaType.TEXT_PLAIN))));
        assertTrue(api.list(trainer, "/api/courses/" + course + "/items").isEmpty(), "nothing imported");
    }

    @Test
    void aCsvFileWithOneBadLineImportsNothingAndNamesTheLine() {
        long course = api.draftCourse(trainer, "BANK-CSV-BAD");
        String bad = CSV.replace("傾聽顧客的說法|立刻辯解|轉移話題,1,", "傾聽顧客的說法|立刻辯解|轉移話題,4,");
        assertEquals(List.of(2), lines(api.refused(422, trainer,
                HttpRequest.POST("/api/courses/" + course + "/items", bad).contentType("text/csv"))));
        String unplanned = CSV.replace("true,KPS5294-001v4:P2.3.2", "true,KPS5294-001v4:P9.9.9");
        assertEquals(List.of(4), lines(api.refused(422, trainer,
                HttpRequest.POST("/api/courses/" + course + "/items", unplanned).contentType("text/csv"))));
        assertTrue(api.list(trainer, "/api/courses/" + course + "/items").isEmpty(), "nothing imported");
    }

    @Test
    void jsonItemsFollowTheSameRules() {
        long course = api.draftCourse(trainer, "BANK-JSON");
        String path = "/api/courses/" + course + "/items";
        assertEquals(List.of("options"), LearningApi.fields(api.refused(422, trainer, HttpRequest.POST(path, Map.of("kind", "SINGLE_CHOICE",
                "stem", "兩個正確？", "options", List.of(Map.of("text", "甲", "correct", true), Map.of("text", "乙", "correct", true)),
                "indicators", List.of("KPS5294-001v4:P2.3.1"))))));
        assertEquals(List.of("kind", "indicators"), LearningApi.fields(api.refused(422, trainer, HttpRequest.POST(path,
                Map.of("kind", "ESSAY", "stem", "寫一篇")))));
        assertEquals(List.of("answer"), LearningApi.fields(api.refused(422, trainer, HttpRequest.POST(path, Map.of("kind", "TRUE_FALSE",
                "stem", "對嗎？", "indicators", List.of("KPS5294-001v4:P2.3.1"))))));
        long item = LearningApi.id(api.post(trainer, path, Map.of("kind", "TRUE_FALSE", "stem", "對嗎？", "answer", false,
                "indicators", List.of("KPS5294-001v4:P2.3.1"))));
        assertEquals("1:true,2:false*", described(api.get(trainer, "/api/items/" + item)).split("\\|")[2]);
    }

    @SuppressWarnings("unchecked")
    static String described(Map<String, Object> item) {
        List<Map<String, Object>> options = (List<Map<String, Object>>) item.get("options");
        return item.get("kind") + "|" + item.get("stem") + "|" + String.join(",", options.stream().map(o -> o.get("id") + ":" + o.get("text")
                + (Boolean.TRUE.equals(o.get("correct")) ? "*" : "")).toList()) + "|" + item.get("modelAnswer") + "|" + item.get("indicators");
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> lines(HttpClientResponseException e) {
        Map<String, Object> problem = e.getResponse().getBody(Map.class).orElseThrow();
        return ((List<Map<String, Object>>) problem.get("errors")).stream().map(error -> ((Number) error.get("line")).intValue()).toList();
    }
}
