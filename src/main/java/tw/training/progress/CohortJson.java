package tw.training.progress;

import tw.training.course.EnrolledPlans;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import tw.training.course.CourseRef;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A course's cohort written as JSON while it is read, in exactly the shape and field order of {@link CourseProgress}
 * (a test holds the two equal). A cohort of 10,000 learners is some 14 MB of JSON: written straight from the rows,
 * with each indicator id encoded once per plan, it never also exists as half a million objects.
 */
final class CohortJson implements CohortVisitor {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    private final JsonGenerator json;

    CohortJson(CourseRef course) {
        try {
            json = FACTORY.createGenerator(bytes);
            json.writeStartObject();
            json.writeNumberField("courseId", course.id());
            json.writeStringField("code", course.code());
            json.writeStringField("title", course.title());
            json.writeArrayFieldStart("enrollments");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(ProgressQueries.Member member, List<EnrolledPlans.Indicator> met, ProgressView.Summary summary) {
        try {
            json.writeStartObject();
            json.writeNumberField("enrollmentId", member.enrollmentId());
            json.writeObjectFieldStart("learner");
            json.writeStringField("username", member.username());
            json.writeStringField("displayName", member.displayName());
            json.writeEndObject();
            json.writeStringField("status", member.status().name());
            json.writeStringField("completedAt", member.completedAt() == null ? null : member.completedAt().toString());
            json.writeObjectFieldStart("summary");
            json.writeNumberField("indicatorsMet", summary.indicatorsMet());
            json.writeNumberField("indicatorsTotal", summary.indicatorsTotal());
            json.writeNumberField("percent", summary.percent());
            json.writeBooleanField("complete", summary.complete());
            json.writeEndObject();
            json.writeArrayFieldStart("metIndicators");
            for (EnrolledPlans.Indicator indicator : met) {
                json.writeString(indicator.jsonId());
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the document with how many learners met each indicator. */
    byte[] finish(List<CourseProgress.IndicatorCount> counts) {
        try {
            json.writeEndArray();
            json.writeArrayFieldStart("indicators");
            for (CourseProgress.IndicatorCount count : counts) {
                json.writeStartObject();
                json.writeStringField("id", count.id());
                json.writeNumberField("learnersMet", count.learnersMet());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
