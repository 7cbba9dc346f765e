package tw.training.enrollment;

import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.course.CourseService;
import tw.training.problem.DomainException;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.util.ArrayList;
import java.util.List;

/**
 * Enrolls a CSV of usernames (one per line, in the first column; an optional header "username"). Each row
 * enrolls in its own transaction, so valid rows enroll while the report says why the others did not.
 */
@Singleton
class BulkEnrollment {

    static final int MAX_ROWS = 5000;

    private final EnrollmentService enrollments;
    private final CourseService courses;

    BulkEnrollment(EnrollmentService enrollments, CourseService courses) {
        this.enrollments = enrollments;
        this.courses = courses;
    }

    BulkReport enroll(long courseId, String csv, Actor actor) {
        courses.requireTrainer(courseId, actor);
        String[] lines = (csv.startsWith("\uFEFF") ? csv.substring(1) : csv).split("\r?\n", -1);
        if (lines.length > MAX_ROWS + 1) {
            throw InvalidInputException.of("body", "at most " + MAX_ROWS + " rows at once");
        }
        List<BulkReport.Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String username = firstColumn(lines[i]);
            if (username.isEmpty() || (i == 0 && username.equalsIgnoreCase("username"))) {
                continue;
            }
            try {
                rows.add(new BulkReport.Row(i + 1, username, true, enrollments.enroll(courseId, username, actor).id(), null));
            } catch (NotFoundException e) {
                throw e;
            } catch (DomainException e) {
                rows.add(new BulkReport.Row(i + 1, username, false, null, e.getMessage()));
            }
        }
        int enrolled = (int) rows.stream().filter(BulkReport.Row::enrolled).count();
        return new BulkReport(enrolled, rows.size() - enrolled, rows);
    }

    private static String firstColumn(String line) {
        String first = line.split(",", -1)[0].strip();
        if (first.length() >= 2 && first.startsWith("\"") && first.endsWith("\"")) {
            first = first.substring(1, first.length() - 1).replace("\"\"", "\"").strip();
        }
        return first;
    }
}
