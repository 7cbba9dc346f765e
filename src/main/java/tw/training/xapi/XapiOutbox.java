package tw.training.xapi;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import tw.training.progress.EnrollmentsCompleted;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The one statement still written with its event: a course completed. Evidence, judgements and certificates are records
 * that stay as written, and their statements are derived from them ({@link XapiStatements}); an enrollment's completion
 * is a status that can go back (a NOT_YET un-meets an indicator), so what it told is kept as it was, in the transaction
 * that completed the enrollment, placed after the leaf of the record that brought it.
 */
@Singleton
class XapiOutbox {

    private final XapiRepository rows;
    private final XapiStream stream;
    private final Statements statements;
    private final Clock clock;

    XapiOutbox(XapiRepository rows, XapiStream stream, Statements statements, Clock clock) {
        this.rows = rows;
        this.stream = stream;
        this.statements = statements;
        this.clock = clock;
    }

    /** Each enrollment the record completed: the learner {@code completed} the course. */
    @EventListener
    void onEnrollmentsCompleted(EnrollmentsCompleted event) {
        Instant stored = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<XapiStatement> completions = new ArrayList<>();
        for (XapiStream.EnrolledAs enrolled : stream.enrolledIn(event.enrollmentIds())) {
            String id = StatementIds.completion(enrolled.enrollmentId(), event.cause());
            completions.add(new XapiStatement(null, id, Verbs.COMPLETED.id, enrolled.learnerId(), stored,
                    statements.completion(id, enrolled, event.completedAt()), null, 0, stored, null, event.cause().kind(), event.cause().recordId()));
        }
        rows.saveAll(completions);
    }
}
