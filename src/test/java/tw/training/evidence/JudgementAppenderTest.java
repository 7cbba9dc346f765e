package tw.training.evidence;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch's judgements appended in one multi-row INSERT (issue 36) are stored exactly as given (instants to the
 * microsecond, enums by name, nulls), each answered with its own key, keys rising in the order given: the later of two
 * judgements of one claim in a batch is the later one.
 */
@MicronautTest(transactional = false)
class JudgementAppenderTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    DataSource dataSource;

    @Inject
    void setDataSource(DataSource contextual) {
        // a connection of its own, outside any transaction of the application's
        dataSource = DelegatingDataSource.unwrapDataSource(contextual);
    }

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    JudgementAppender appender;

    @Test
    void eachRowIsStoredAsGivenUnderItsOwnKeyInTheOrderGiven() throws Exception {
        TestUsers users = TestUsers.of(context, http);
        PortfolioCourse course = PortfolioCourse.publish(http, users.tokenFor("append.trainer", Roles.TRAINER), "APPEND-1", "附加");
        String learner = users.tokenFor("append.learner", Roles.LEARNER);
        long enrollment = course.enroll("append.learner");
        long evidence = course.submitPdf(learner, enrollment, "作品", List.of("P2.3.1", "P2.3.2"));
        List<Long> indicators = new ArrayList<>();
        long assessor;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement claims = connection.prepareStatement("SELECT indicator_id FROM evidence_indicator WHERE evidence_id = ? ORDER BY indicator_id")) {
                claims.setLong(1, evidence);
                try (ResultSet rows = claims.executeQuery()) {
                    while (rows.next()) {
                        indicators.add(rows.getLong(1));
                    }
                }
            }
            try (ResultSet row = connection.createStatement().executeQuery("SELECT user_id FROM app_user WHERE username = 'append.trainer'")) {
                row.next();
                assessor = row.getLong(1);
            }
        }
        Instant at = Instant.parse("2026-11-30T08:15:30.123456Z");
        // the same claim three times (MET, NOT_YET, MET) among another: which is latest rests on the keys' order
        List<JudgementRow> given = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            boolean met = i % 2 == 0;
            given.add(new JudgementRow(null, evidence, indicators.get(i % 2), met ? Outcome.MET : Outcome.NOT_YET, i % 3 == 0 ? null : "第 " + i + " 次",
                    assessor, at.plusNanos(i * 1_000L), met ? Authenticity.OBSERVED_BY_ASSESSOR : null, met ? i : null, met ? 1 : null,
                    i % 5 == 0 ? "CURRENT" : null, i % 5 == 0 ? "理由 " + i : null));
        }
        List<JudgementRow> saved = transactions.executeWrite(status -> appender.appendAll(given));
        assertEquals(given.size(), saved.size());
        for (int i = 1; i < saved.size(); i++) {
            assertTrue(saved.get(i).id() > saved.get(i - 1).id(), "keys rise in the order given, across the two statements of 1,000 rows");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT evidence_id, indicator_id, outcome, comment, assessor_id, judged_at,"
                     + " authenticity, evidence_pieces, evidence_methods, rules_overridden, override_reason FROM judgement WHERE judgement_id = ?")) {
            for (int i = 0; i < saved.size(); i++) {
                JudgementRow row = saved.get(i);
                read.setLong(1, row.id());
                try (ResultSet stored = read.executeQuery()) {
                    assertTrue(stored.next());
                    JudgementRow back = new JudgementRow(row.id(), stored.getLong(1), stored.getLong(2), Outcome.valueOf(stored.getString(3)),
                            stored.getString(4), stored.getLong(5), stored.getObject(6, java.time.OffsetDateTime.class).toInstant(),
                            stored.getString(7) == null ? null : Authenticity.valueOf(stored.getString(7)), (Integer) stored.getObject(8),
                            (Integer) stored.getObject(9), stored.getString(10), stored.getString(11));
                    assertEquals(row, back, "row " + i + " as stored");
                    assertEquals(given.get(i).judgedAt(), back.judgedAt());
                }
            }
        }
    }
}
