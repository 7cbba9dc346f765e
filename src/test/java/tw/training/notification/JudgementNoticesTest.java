package tw.training.notification;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Judgements are told after the judging transaction (issue 36): judging writes no notification and no mail; telling
 * writes them, each judgement once however often and from however many threads it runs, in the log's order; a
 * completion the judgements brought is told with them, after the judgement's own notification. The schedule is set to
 * an hour here, so that only the test tells.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JudgementNoticesTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    @Inject
    JudgementNotices notices;

    private PortfolioCourse course;
    private String learner;
    private long enrollment;
    private RowCounts database;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("app.notifications.judgements-every", "1h");
        return properties;
    }

    @BeforeAll
    void aCourseWithALearner() {
        TestUsers users = TestUsers.of(context, http);
        course = PortfolioCourse.publish(http, users.tokenFor("told.trainer", Roles.TRAINER), "TOLD-1", "告知");
        learner = users.tokenFor("told.learner", Roles.LEARNER);
        enrollment = course.enroll("told.learner");
        database = new RowCounts(dataSource, List.of("notification", "mail_message"));
        notices.catchUp();
    }

    @Test
    void judgingWritesNoNotificationTellingWritesEachOnceAndTheCompletionAfterTheJudgement() throws Exception {
        Map<String, Long> before = database.now();
        long first = course.submitPdf(learner, enrollment, "第一份", List.of("P2.3.1"));
        course.judge(first, "P2.3.1", "NOT_YET", "再補充");
        assertEquals(before, database.now(), "the judging transaction wrote no notification and no mail");

        assertEquals(1, notices.catchUp());
        assertEquals(0, notices.catchUp(), "told once");
        assertEquals(List.of("EVIDENCE_JUDGED"), kinds());

        // ten pieces judged, then told by eight threads at once: each piece once
        for (int i = 0; i < 10; i++) {
            course.judge(course.submitPdf(learner, enrollment, "第 " + i + " 份", List.of("P2.3.2")), "P2.3.2", "NOT_YET", "");
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<Integer>> told = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            told.add(threads.submit((Callable<Integer>) () -> {
                go.await();
                return notices.catchUp();
            }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> each : told) {
            total += each.get();
        }
        threads.shutdown();
        total += notices.catchUp();
        assertEquals(10, total, "ten judgements told in all");
        assertEquals(11, kinds().size());

        // one batch meets the whole plan: judged, then the plan met, then the indicators met
        long whole = course.submitPdf(learner, enrollment, "完整", PortfolioCourse.INDICATORS);
        course.meet(whole, PortfolioCourse.INDICATORS, "完整");
        assertEquals("COMPLETED", database.single("SELECT status FROM enrollment WHERE enrollment_id = " + enrollment));
        assertEquals(11, kinds().size(), "the completion is told with the judgements, not in their transaction");
        notices.catchUp();
        List<String> kinds = kinds();
        assertEquals(List.of("EVIDENCE_JUDGED", "PLAN_MET", "INDICATOR_MET"), kinds.subList(11, kinds.size()));
        assertEquals("1", database.single("SELECT COUNT(*) FROM notification n JOIN app_user u ON u.user_id = n.user_id"
                + " WHERE u.username = 'told.trainer' AND n.kind = 'LEARNER_COMPLETED'"), "the trainer told the learner completed");
    }

    /** The learner's notifications' kinds, oldest first. */
    private List<String> kinds() {
        return database.rows("SELECT n.kind FROM notification n JOIN app_user u ON u.user_id = n.user_id WHERE u.username = 'told.learner'"
                + " ORDER BY n.notification_id");
    }
}
