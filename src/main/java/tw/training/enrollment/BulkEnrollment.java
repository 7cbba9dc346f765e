package tw.training.enrollment;

import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.course.CourseService;
import tw.training.problem.DomainException;
import tw.training.problem.InvalidInputException;
import tw.training.problem.Text;
import tw.training.problem.NotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Enrolls a CSV of usernames, one per line: in the first column, or in the column a header row names
 * ({@code username}, {@code 帳號}, {@code 使用者名稱}, {@code 帳戶}). Each row enrolls in its own transaction, so
 * valid rows enroll while the report says why the others did not.
 */
@Singleton
class BulkEnrollment {

    static final int MAX_ROWS = 5000;
    private static final Set<String> HEADERS = Set.of("username", "帳號", "使用者名稱", "帳戶", "账号");

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
        int column = usernameColumn(lines[0]);
        for (int i = column < 0 ? 0 : 1; i < lines.length; i++) {
            String username = cell(lines[i], Math.max(column, 0));
            if (username.isEmpty()) {
                continue;
            }
            Optional<String> fault = Text.fault(username);
            if (fault.isPresent()) {
                // no database stores a NUL, nor is one part of any username
                rows.add(new BulkReport.Row(i + 1, username.replaceAll("\\p{Cntrl}", "?"), false, null, "the username " + fault.get()));
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

    /** The column a header row names as the username, or -1 when the first row is no header. */
    private static int usernameColumn(String firstLine) {
        String[] cells = firstLine.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            if (HEADERS.contains(cell(firstLine, i).toLowerCase())) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(String line, int column) {
        String[] cells = line.split(",", -1);
        String value = column < cells.length ? cells[column].strip() : "";
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).replace("\"\"", "\"").strip();
        }
        return value;
    }
}
