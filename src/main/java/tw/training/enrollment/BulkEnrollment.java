package tw.training.enrollment;

import tw.training.phrase.Phrase;

import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.course.CourseService;
import tw.training.problem.DomainException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.Text;
import tw.training.problem.NotFoundException;
import tw.training.web.CsvRows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Enrolls a CSV of usernames, one per row ({@link CsvRows}: quoted fields may hold commas): in the first column, or in
 * the column a header row names ({@code username}, {@code 帳號}, {@code 使用者名稱}, {@code 帳戶}). Each row enrolls in its own transaction, so
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
        List<CsvRows.Row> lines;
        try {
            lines = CsvRows.of(csv);
        } catch (CsvRows.Unreadable unreadable) {
            throw new InvalidInputException(Phrase.of("enrollment.roster-cannot-read"), List.of(InputError.line(unreadable.line(), unreadable.phrase())));
        }
        if (lines.size() > MAX_ROWS + 1) {
            throw InvalidInputException.of("body", "enrollment.most-rows-once", MAX_ROWS);
        }
        List<BulkReport.Row> rows = new ArrayList<>();
        int column = lines.isEmpty() ? -1 : usernameColumn(lines.get(0));
        for (CsvRows.Row line : lines.subList(column < 0 ? 0 : Math.min(1, lines.size()), lines.size())) {
            String username = line.field(Math.max(column, 0));
            if (username.isEmpty()) {
                continue;
            }
            Optional<Phrase> fault = Text.fault(username);
            if (fault.isPresent()) {
                // no database stores a NUL, nor is one part of any username
                rows.add(BulkReport.Row.refused(line.line(), username.replaceAll("\\p{Cntrl}", "?"), Phrase.of("enrollment.username-not-text", fault.get())));
                continue;
            }
            try {
                rows.add(BulkReport.Row.enrolled(line.line(), username, enrollments.enroll(courseId, username, actor).id()));
            } catch (NotFoundException e) {
                throw e;
            } catch (DomainException e) {
                rows.add(BulkReport.Row.refused(line.line(), username, e.phrase()));
            }
        }
        int enrolled = (int) rows.stream().filter(BulkReport.Row::enrolled).count();
        return new BulkReport(enrolled, rows.size() - enrolled, rows);
    }

    /** The column a header row names as the username, or -1 when the first row is no header. */
    private static int usernameColumn(CsvRows.Row first) {
        for (int i = 0; i < first.fields().size(); i++) {
            if (HEADERS.contains(first.field(i).toLowerCase())) {
                return i;
            }
        }
        return -1;
    }
}
