package tw.training.xapi;

import jakarta.inject.Singleton;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import tw.training.address.PublicUrl;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The xAPI 1.0.3 statement of each kind of record, as text. Actor: the learner by account on this provider's home page;
 * activities identified by stable IRIs of this provider (course by code, evidence by id, certificate by number, indicator
 * by its catalogue id); the id named by the record ({@link StatementIds}).
 */
@Singleton
class Statements {

    /** One factory for every builder: {@code Json.create…} looks its provider up anew on each call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private final String home;

    Statements(PublicUrl publicUrl) {
        this.home = publicUrl.value();
    }

    /** Evidence shared with the assessors: the file, its course, the indicators the learner claimed, its method. */
    String evidence(XapiStream.EvidenceTold evidence, List<String> claimed) {
        JsonArrayBuilder indicators = JSON.createArrayBuilder();
        claimed.forEach(id -> indicators.add(JSON.createObjectBuilder().add("objectType", "Activity")
                .add("id", home + "/xapi/activities/indicators/" + id)));
        return statement(StatementIds.evidence(evidence.evidenceId()), Verbs.SHARED, evidence,
                activity(home + "/xapi/activities/evidence/" + evidence.evidenceId(), evidence.title(), "http://adlnet.gov/expapi/activities/file"),
                JSON.createObjectBuilder().add("contextActivities", JSON.createObjectBuilder()
                        .add("parent", JSON.createArrayBuilder().add(course(evidence))).add("other", indicators))
                        .add("extensions", JSON.createObjectBuilder().add(home + "/xapi/extensions/assessment-method", evidence.method())),
                null, evidence.submittedAt());
    }

    /**
     * A judgement as a statement of the learner: {@code passed} the indicator when MET, {@code failed} when NOT_YET, the
     * assessor as instructor, the evidence among the context's activities.
     */
    String judgement(XapiStream.JudgementTold judgement) {
        boolean met = "MET".equals(judgement.outcome());
        JsonObjectBuilder context = JSON.createObjectBuilder()
                .add("instructor", JSON.createObjectBuilder().add("objectType", "Agent").add("name", judgement.assessorName())
                        .add("account", JSON.createObjectBuilder().add("homePage", home).add("name", judgement.assessorUsername())))
                .add("contextActivities", JSON.createObjectBuilder().add("parent", JSON.createArrayBuilder().add(course(judgement)))
                        .add("other", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("objectType", "Activity")
                                .add("id", home + "/xapi/activities/evidence/" + judgement.evidenceId()))));
        return statement(StatementIds.judgement(judgement.judgementId()), met ? Verbs.PASSED : Verbs.FAILED, judgement,
                activity(home + "/xapi/activities/indicators/" + judgement.standardCode() + ":" + judgement.indicatorCode(),
                        judgement.indicatorCode() + " " + judgement.indicatorContent(), "http://adlnet.gov/expapi/activities/objective"),
                context, JSON.createObjectBuilder().add("success", met), judgement.judgedAt());
    }

    /** A certificate the learner earned. */
    String certificate(XapiStream.CertificateTold certificate) {
        return statement(StatementIds.certificate(certificate.number()), Verbs.EARNED, certificate,
                activity(home + "/xapi/activities/certificates/" + certificate.number(), certificate.courseTitle() + " 職能證書 " + certificate.number(),
                        "https://w3id.org/xapi/tla/activity-types/credential"),
                JSON.createObjectBuilder().add("contextActivities", JSON.createObjectBuilder().add("parent", JSON.createArrayBuilder().add(course(certificate)))),
                null, certificate.issuedAt());
    }

    /** A course the learner completed. */
    String completion(String id, Learner learner, Instant at) {
        return statement(id, Verbs.COMPLETED, learner, course(learner), JSON.createObjectBuilder(),
                JSON.createObjectBuilder().add("completion", true).add("success", true), at);
    }

    private String statement(String id, Verbs verb, Learner learner, JsonObjectBuilder object, JsonObjectBuilder context,
                             JsonObjectBuilder result, Instant at) {
        JsonObject statement = JSON.createObjectBuilder()
                .add("id", id)
                .add("actor", JSON.createObjectBuilder().add("objectType", "Agent").add("name", learner.displayName())
                        .add("account", JSON.createObjectBuilder().add("homePage", home).add("name", learner.username())))
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
        return statement.toString();
    }

    private JsonObjectBuilder course(Learner learner) {
        return activity(home + "/xapi/activities/courses/" + learner.courseCode(), learner.courseTitle(), "http://adlnet.gov/expapi/activities/course");
    }

    private static JsonObjectBuilder activity(String id, String name, String type) {
        return JSON.createObjectBuilder().add("objectType", "Activity").add("id", id).add("definition", JSON.createObjectBuilder()
                .add("name", JSON.createObjectBuilder().add("zh-TW", name)).add("type", type));
    }

    /** A statement's actor and the course its context names. */
    interface Learner {

        String username();

        String displayName();

        String courseCode();

        String courseTitle();
    }
}
