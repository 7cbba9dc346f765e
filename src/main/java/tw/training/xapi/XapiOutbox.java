package tw.training.xapi;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import tw.training.certificate.CertificateIssued;
import tw.training.evidence.EvidenceSubmitted;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes the xAPI 1.0.3 statement of an event into the outbox, in the event's own transaction (the events are published
 * inside it): the statement exists exactly when what it tells committed. Actor: the learner by account on this provider's
 * home page; activities identified by stable IRIs of this provider (course by code, evidence and certificate by id and
 * number, indicator by its catalogue id).
 */
@Singleton
class XapiOutbox {

    private final XapiRepository statements;
    private final String home;
    private final Clock clock;

    XapiOutbox(XapiRepository statements, @Value("${app.public-url}") String publicUrl, Clock clock) {
        this.statements = statements;
        this.home = publicUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    @EventListener
    void onEvidenceSubmitted(EvidenceSubmitted event) {
        statements.enrolled(event.enrollmentId()).ifPresent(enrolled -> {
            JsonObjectBuilder object = activity(home + "/xapi/activities/evidence/" + event.evidenceId(), event.title(),
                    "http://adlnet.gov/expapi/activities/file");
            var indicators = Json.createArrayBuilder();
            event.indicators().forEach(id -> indicators.add(Json.createObjectBuilder().add("objectType", "Activity")
                    .add("id", home + "/xapi/activities/indicators/" + id)));
            write(Verbs.SHARED, enrolled, object, Json.createObjectBuilder().add("contextActivities", Json.createObjectBuilder()
                    .add("parent", Json.createArrayBuilder().add(course(enrolled))).add("other", indicators))
                    .add("extensions", Json.createObjectBuilder().add(home + "/xapi/extensions/assessment-method", event.method())),
                    event.submittedAt());
        });
    }

    @EventListener
    void onCertificateIssued(CertificateIssued event) {
        statements.enrolled(event.enrollmentId()).ifPresent(enrolled -> write(Verbs.EARNED, enrolled,
                activity(home + "/xapi/activities/certificates/" + event.number(), enrolled.courseTitle() + " 職能證書 " + event.number(),
                        "https://w3id.org/xapi/tla/activity-types/credential"),
                Json.createObjectBuilder().add("contextActivities", Json.createObjectBuilder().add("parent", Json.createArrayBuilder().add(course(enrolled)))),
                event.issuedAt()));
    }

    private void write(Verbs verb, XapiRepository.Enrolled enrolled, JsonObjectBuilder object, JsonObjectBuilder context, Instant at) {
        String id = UUID.randomUUID().toString();
        Instant stored = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        JsonObject statement = Json.createObjectBuilder()
                .add("id", id)
                .add("actor", Json.createObjectBuilder().add("objectType", "Agent").add("name", enrolled.displayName())
                        .add("account", Json.createObjectBuilder().add("homePage", home).add("name", enrolled.username())))
                .add("verb", Json.createObjectBuilder().add("id", verb.id)
                        .add("display", Json.createObjectBuilder().add("en-US", verb.english).add("zh-TW", verb.chinese)))
                .add("object", object)
                .add("context", context.add("platform", "competency-backend").add("language", "zh-TW"))
                .add("timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString())
                .add("version", "1.0.3")
                .build();
        statements.save(new XapiStatement(null, id, verb.id, enrolled.learnerId(), stored, statement.toString(), null, 0, stored, null));
    }

    private JsonObjectBuilder course(XapiRepository.Enrolled enrolled) {
        return activity(home + "/xapi/activities/courses/" + enrolled.courseCode(), enrolled.courseTitle(), "http://adlnet.gov/expapi/activities/course");
    }

    private static JsonObjectBuilder activity(String id, String name, String type) {
        return Json.createObjectBuilder().add("objectType", "Activity").add("id", id).add("definition", Json.createObjectBuilder()
                .add("name", Json.createObjectBuilder().add("zh-TW", name)).add("type", type));
    }
}
