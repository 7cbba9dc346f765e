package tw.training.course;

import io.micronaut.http.client.HttpClient;

/** Courses other features' tests start from, built through the API as a trainer would. */
public final class CourseFixtures {

    private CourseFixtures() {
    }

    /** The SPEC §3 acceptance course, published: KPS5294-001v4 T2.3 and T2.4 (P2.4.1, P2.4.3) and BAS1499-001v4 T2.2. */
    public static long publishedComplaintsCourse(HttpClient http, String trainerToken, String code, String title) {
        CourseApi api = new CourseApi(http, trainerToken);
        long course = api.complaintsCourse(code, title);
        api.publish(course);
        return course;
    }
}
