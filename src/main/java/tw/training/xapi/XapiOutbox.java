package tw.training.xapi;

import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import tw.training.address.PublicUrl;
import tw.training.certificate.CertificateIssued;
import tw.training.evidence.EvidenceSubmitted;
import tw.training.evidence.JudgementsRecorded;
import tw.training.evidence.Outcome;
import tw.training.progress.EnrollmentsCompleted;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the xAPI 1.0.3 statement of an event into the outbox, in the event's own transaction (the events are published
 * inside it): the statement exists exactly when what it tells committed. Actor: the learner by account on this provider's
 * home page; activities identified by stable IRIs of this provider (course by code, evidence and certificate by id and
 * number, indicator by its catalogue id).
 */
@Singleton
class XapiOutbox {

    /** One factory for every builder: {@code Json.create…} looks its provider up anew on each call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private final XapiRepository statements;
    private final String home;
    private final Clock clock;

    XapiOutbox(XapiRepository statements, PublicUrl publicUrl, Clock clock) {
        this.statements = statements;
        this.home = publicUrl.value();
        this.clock = clock;
    }

    @EventListener
    void onEvidenceSubmitted(EvidenceSubmitted event) {
        statements.enrolled(event.enrollmentId()).ifPresent(enrolled -> {
            JsonObjectBuilder object = activity(home + "/xapi/activities/evidence/" + event.evidenceId(), event.title(),
                    "http://adlnet.gov/expapi/activities/file");
            var indicators = JSON.createArrayBuilder();
            statements.claimed(event.evidenceId()).forEach(id -> indicators.add(JSON.createObjectBuilder().add("objectType", "Activity")
                    .add("id", home + "/xapi/activities/indicators/" + id)));
            write(StatementIds.evidence(event.evidenceId()), Verbs.SHARED, enrolled, object, JSON.createObjectBuilder().add("contextActivities", JSON.createObjectBuilder()
                    .add("parent", JSON.createArrayBuilder().add(course(enrolled))).add("other", indicators))
                    .add("extensions", JSON.createObjectBuilder().add(home + "/xapi/extensions/assessment-method", event.method())),
                    event.submittedAt());
        });
    }

    @EventListener
    void onCertificateIssued(CertificateIssued event) {
        statements.enrolled(event.enrollmentId()).ifPresent(enrolled -> write(StatementIds.certificate(event.number()), Verbs.EARNED, enrolled,
                activity(home + "/xapi/activities/certificates/" + event.number(), enrolled.courseTitle() + " 職能證書 " + event.number(),
                        "https://w3id.org/xapi/tla/activity-types/credential"),
                JSON.createObjectBuilder().add("contextActivities", JSON.createObjectBuilder().add("parent", JSON.createArrayBuilder().add(course(enrolled)))),
                event.issuedAt()));
    }

    /**
     * Each judgement as a statement of the learner: {@code passed} the indicator when MET, {@code failed} when NOT_YET, the
     * assessor as instructor, the evidence among the context's activities. Names read in three queries whatever the batch.
     * Ordered before the progress ledger's listener, so a judgement's statement precedes the completion it brings.
     */
    @EventListener
    @Order(-100)
    void onJudgementsRecorded(JudgementsRecorded event) {
        if (event.judgements().isEmpty()) {
            return;
        }
        Map<Long, XapiRepository.Enrolled> enrolled = new HashMap<>();
        statements.enrolledIn(event.enrollmentIds()).forEach(e -> enrolled.put(e.enrollmentId(), e.enrolled()));
        Map<Long, XapiRepository.Named> indicators = new HashMap<>();
        statements.indicators(event.judgements().stream().map(JudgementsRecorded.Recorded::indicatorId).collect(Collectors.toSet()))
                .forEach(i -> indicators.put(i.indicatorId(), i));
        Map<Long, XapiRepository.Person> assessors = new HashMap<>();
        statements.people(event.judgements().stream().map(JudgementsRecorded.Recorded::assessorId).collect(Collectors.toSet()))
                .forEach(p -> assessors.put(p.userId(), p));
        List<XapiStatement> rows = new ArrayList<>();
        for (JudgementsRecorded.Recorded judgement : event.judgements()) {
            XapiRepository.Enrolled learner = enrolled.get(judgement.enrollmentId());
            XapiRepository.Named indicator = indicators.get(judgement.indicatorId());
            XapiRepository.Person assessor = assessors.get(judgement.assessorId());
            boolean met = judgement.outcome() == Outcome.MET;
            JsonObjectBuilder context = JSON.createObjectBuilder()
                    .add("instructor", JSON.createObjectBuilder().add("objectType", "Agent").add("name", assessor.displayName())
                            .add("account", JSON.createObjectBuilder().add("homePage", home).add("name", assessor.username())))
                    .add("contextActivities", JSON.createObjectBuilder().add("parent", JSON.createArrayBuilder().add(course(learner)))
                            .add("other", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("objectType", "Activity")
                                    .add("id", home + "/xapi/activities/evidence/" + judgement.evidenceId()))));
            rows.add(row(StatementIds.judgement(judgement.judgementId()), met ? Verbs.PASSED : Verbs.FAILED, learner, activity(home + "/xapi/activities/indicators/" + indicator.standardCode()
                    + ":" + indicator.code(), indicator.code() + " " + indicator.content(), "http://adlnet.gov/expapi/activities/objective"),
                    context, JSON.createObjectBuilder().add("success", met), judgement.judgedAt()));
        }
        statements.saveAll(rows);
    }

    /** Each enrollment the judgements completed: the learner {@code completed} the course. */
    @EventListener
    void onEnrollmentsCompleted(EnrollmentsCompleted event) {
        List<XapiStatement> rows = new ArrayList<>();
        for (XapiRepository.EnrolledAs enrolled : statements.enrolledIn(event.enrollmentIds())) {
            rows.add(row(StatementIds.completion(enrolled.enrollmentId(), event.cause()), Verbs.COMPLETED, enrolled.enrolled(), course(enrolled.enrolled()), JSON.createObjectBuilder(),
                    JSON.createObjectBuilder().add("completion", true).add("success", true), event.completedAt()));
        }
        statements.saveAll(rows);
    }

    private void write(String id, Verbs verb, XapiRepository.Enrolled enrolled, JsonObjectBuilder object, JsonObjectBuilder context, Instant at) {
        statements.save(row(id, verb, enrolled, object, context, null, at));
    }

    private XapiStatement row(String id, Verbs verb, XapiRepository.Enrolled enrolled, JsonObjectBuilder object, JsonObjectBuilder context,
                              JsonObjectBuilder result, Instant at) {
        Instant stored = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        JsonObject statement = JSON.createObjectBuilder()
                .add("id", id)
                .add("actor", JSON.createObjectBuilder().add("objectType", "Agent").add("name", enrolled.displayName())
                        .add("account", JSON.createObjectBuilder().add("homePage", home).add("name", enrolled.username())))
                .add("verb", JSON.createObjectBuilder().add("id", verb.id)
                        .add("display", JSON.createObjectBuilder().add("en-US", verb.english).add("zh-TW", verb.chinese)))
                .add("object", object)
                .add("context", context.add("platform", "competency-backend").add("language", "zh-TW"))
                .add("timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString())
                .add("version", "1.0.3")
                .build();
        if (result != null) {
            statement = JSON.createObjectBuilder(statement).add("result", result).build();
        }
        return new XapiStatement(null, id, verb.id, enrolled.learnerId(), stored, statement.toString(), null, 0, stored, null);
    }

    private JsonObjectBuilder course(XapiRepository.Enrolled enrolled) {
        return activity(home + "/xapi/activities/courses/" + enrolled.courseCode(), enrolled.courseTitle(), "http://adlnet.gov/expapi/activities/course");
    }

    private static JsonObjectBuilder activity(String id, String name, String type) {
        return JSON.createObjectBuilder().add("objectType", "Activity").add("id", id).add("definition", JSON.createObjectBuilder()
                .add("name", JSON.createObjectBuilder().add("zh-TW", name)).add("type", type));
    }
}
