package tw.training.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import tw.training.account.AccountService;
import tw.training.account.Actor;
import tw.training.account.CreateUserRequest;
import tw.training.account.Roles;
import tw.training.course.CourseRef;
import tw.training.course.CourseService;
import tw.training.enrollment.EnrollmentService;
import tw.training.phrase.Phrase;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.Text;
import tw.training.web.CsvRows;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts from a CSV file (issue 31, point 3): a header row names the columns, in English or Chinese as the roster's
 * does (username, display name, e-mail, roles; optionally language and the code of a course to enroll into). Every
 * row is checked before anything is written: its fields, a username twice in the file or already taken, a course that
 * does not exist or takes no enrollments. A preview writes nothing; an import of all rows writes nothing unless every
 * row is sound; an import of the valid rows writes those. What is written is written in one transaction: each user
 * created without a password and invited (the mail is in the outbox with them), enrolled when a course is named.
 */
@Singleton
public class AccountImport {

    static final int MAX_ROWS = 5000;
    private static final int CHUNK = 1000;

    /** What to do with the file. */
    public enum Mode {
        /** Check every row and say what would happen; write nothing. */
        PREVIEW,
        /** Create every row, or none when any row has a fault. */
        ALL,
        /** Create the rows without faults; say why the others were not. */
        VALID
    }

    private static final Map<String, String> HEADERS = headers();

    private final AccountService accounts;
    private final CourseService courses;
    private final EnrollmentService enrollments;
    private final TransactionOperations<Connection> transactions;

    AccountImport(AccountService accounts, CourseService courses, EnrollmentService enrollments, TransactionOperations<Connection> transactions) {
        this.accounts = accounts;
        this.courses = courses;
        this.enrollments = enrollments;
        this.transactions = transactions;
    }

    /** The column names people use, in both languages, for each field. */
    private static Map<String, String> headers() {
        Map<String, String> names = new HashMap<>();
        for (String name : List.of("username", "user name", "帳號", "使用者名稱", "帳戶", "账号", "登入帳號")) {
            names.put(name, "username");
        }
        for (String name : List.of("displayname", "display name", "name", "full name", "姓名", "名稱", "顯示名稱", "名字")) {
            names.put(name, "displayName");
        }
        for (String name : List.of("email", "e-mail", "email address", "e-mail address", "電子郵件", "電子信箱", "信箱", "電子郵件地址", "email地址")) {
            names.put(name, "email");
        }
        for (String name : List.of("roles", "role", "角色", "身分", "身份")) {
            names.put(name, "roles");
        }
        for (String name : List.of("language", "lang", "語言")) {
            names.put(name, "language");
        }
        for (String name : List.of("course", "course code", "coursecode", "課程", "課程代碼", "課程代號", "班別")) {
            names.put(name, "course");
        }
        return names;
    }

    /** A role as a file may say it, in English or Chinese. */
    private static final Map<String, String> ROLE_WORDS = Map.ofEntries(
            Map.entry("admin", Roles.ADMIN), Map.entry("administrator", Roles.ADMIN), Map.entry("管理者", Roles.ADMIN), Map.entry("管理員", Roles.ADMIN),
            Map.entry("trainer", Roles.TRAINER), Map.entry("assessor", Roles.TRAINER), Map.entry("講師", Roles.TRAINER), Map.entry("訓練師", Roles.TRAINER),
            Map.entry("評量者", Roles.TRAINER), Map.entry("評審", Roles.TRAINER), Map.entry("learner", Roles.LEARNER), Map.entry("學員", Roles.LEARNER),
            Map.entry("學習者", Roles.LEARNER), Map.entry("學生", Roles.LEARNER));

    /** The file's rows as read and checked, and what became of them. */
    public AccountImportReport run(String csv, Mode mode, Actor actor) {
        List<Planned> planned = plan(csv, actor);
        List<AccountImportReport.Row> faulty = planned.stream().map(Planned::row).filter(row -> !row.faults().isEmpty()).toList();
        if (mode == Mode.PREVIEW) {
            return AccountImportReport.of(mode, planned.stream().map(Planned::row).toList(), 0);
        }
        if (mode == Mode.ALL && !faulty.isEmpty()) {
            List<InputError> errors = new ArrayList<>();
            faulty.forEach(row -> row.faults().forEach(fault -> errors.add(InputError.line(row.line(), fault.why()))));
            throw new InvalidInputException(Phrase.of("onboarding.import-has-faults", faulty.size()), errors);
        }
        List<Planned> sound = planned.stream().filter(p -> p.row().faults().isEmpty()).toList();
        transactions.executeWrite(status -> {
            for (Planned row : sound) {
                accounts.create(row.request(), actor.username());
                if (row.course() != null) {
                    enrollments.enroll(row.course().id(), row.request().username(), actor);
                }
            }
            return null;
        });
        List<AccountImportReport.Row> rows = planned.stream().map(p -> p.row().faults().isEmpty() ? p.row().asCreated() : p.row()).toList();
        return AccountImportReport.of(mode, rows, sound.size());
    }

    /** A row checked: the request it makes, the course it enrolls into, and what the report says of it. */
    private record Planned(CreateUserRequest request, @Nullable CourseRef course, AccountImportReport.Row row) {
    }

    private List<Planned> plan(String csv, Actor actor) {
        List<CsvRows.Row> lines;
        try {
            lines = CsvRows.of(csv);
        } catch (CsvRows.Unreadable unreadable) {
            throw new InvalidInputException(Phrase.of("onboarding.file-cannot-read"), List.of(InputError.line(unreadable.line(), unreadable.phrase())));
        }
        lines = lines.stream().filter(line -> line.fields().stream().anyMatch(field -> !field.isBlank())).toList();
        if (lines.isEmpty()) {
            throw InvalidInputException.of("file", "onboarding.file-empty");
        }
        if (lines.size() > MAX_ROWS + 1) {
            throw InvalidInputException.of("file", "onboarding.too-many-rows", MAX_ROWS);
        }
        Map<String, Integer> columns = columns(lines.get(0));
        List<CsvRows.Row> body = lines.subList(1, lines.size());
        List<String> usernames = body.stream().map(line -> AccountService.normalUsername(field(line, columns, "username"))).toList();
        Set<String> taken = taken(usernames);
        Map<String, Optional<CourseRef>> courseByCode = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        for (CsvRows.Row line : body) {
            planned.add(plan(line, columns, taken, firstLine, courseByCode));
        }
        return planned;
    }

    private Planned plan(CsvRows.Row line, Map<String, Integer> columns, Set<String> taken, Map<String, Integer> firstLine,
                         Map<String, Optional<CourseRef>> courseByCode) {
        List<AccountImportReport.Fault> faults = new ArrayList<>();
        String username = AccountService.normalUsername(field(line, columns, "username"));
        List<String> roles = new ArrayList<>();
        String rolesText = field(line, columns, "roles");
        for (String word : rolesText.split("[;,、|/\\s]+")) {
            if (!word.isBlank()) {
                roles.add(ROLE_WORDS.getOrDefault(word.toLowerCase(Locale.ROOT), word.toUpperCase(Locale.ROOT)));
            }
        }
        if (roles.isEmpty()) {
            roles.add(Roles.LEARNER);
        }
        String language = language(field(line, columns, "language"));
        CreateUserRequest request = new CreateUserRequest(username, field(line, columns, "displayName"), field(line, columns, "email"), null,
                List.copyOf(new LinkedHashSet<>(roles)), true, language);
        for (String name : List.of("username", "displayName", "email", "roles", "language", "course")) {
            Text.fault(field(line, columns, name)).ifPresent(fault -> faults.add(new AccountImportReport.Fault(name, Phrase.of("onboarding.not-text", fault))));
        }
        if (faults.isEmpty()) {
            accounts.check(request).forEach(error -> faults.add(new AccountImportReport.Fault(baseField(error.field()), error.phrase())));
        }
        Integer earlier = firstLine.putIfAbsent(username, line.line());
        if (!username.isEmpty() && earlier != null) {
            faults.add(new AccountImportReport.Fault("username", Phrase.of("onboarding.username-twice", username, earlier)));
        } else if (taken.contains(username)) {
            faults.add(new AccountImportReport.Fault("username", Phrase.of("account.username-taken", username)));
        }
        String code = field(line, columns, "course");
        CourseRef course = null;
        if (!code.isEmpty()) {
            course = courseByCode.computeIfAbsent(code, courses::findByCode).orElse(null);
            if (course == null) {
                faults.add(new AccountImportReport.Fault("course", Phrase.of("onboarding.no-course", code)));
            } else if (course.archived() || course.publishedRevisionId() == null) {
                faults.add(new AccountImportReport.Fault("course", Phrase.of("onboarding.course-takes-no-enrollments", code)));
            } else if (!request.roles().contains(Roles.LEARNER)) {
                faults.add(new AccountImportReport.Fault("course", Phrase.of("onboarding.only-learners-enroll", code)));
            }
        }
        return new Planned(request, course, new AccountImportReport.Row(line.line(), username, request.displayName().strip(),
                request.email().strip(), request.roles(), language, code.isEmpty() ? null : code, faults));
    }

    /** Where each field is: the header row must name the username, display name and e-mail columns. */
    private static Map<String, Integer> columns(CsvRows.Row header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String field = HEADERS.get(header.field(i).strip().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (field != null) {
                columns.putIfAbsent(field, i);
            }
        }
        List<String> missing = List.of("username", "displayName", "email").stream().filter(name -> !columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(Phrase.of("onboarding.header-missing"), missing.stream()
                    .map(name -> InputError.line(header.line(), Phrase.of("onboarding.column-missing." + name))).toList());
        }
        return columns;
    }

    private static String field(CsvRows.Row line, Map<String, Integer> columns, String name) {
        Integer column = columns.get(name);
        return column == null ? "" : line.field(column).strip();
    }

    private static String language(String given) {
        String value = given.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("zh-tw") || value.equals("中文") || value.equals("zh") || value.equals("繁體中文")) {
            return "zh-TW";
        }
        return value.equals("en") || value.equals("english") || value.equals("英文") ? "en" : given.strip();
    }

    /** {@code roles[1]} is the roles column. */
    private static String baseField(@Nullable String field) {
        return field == null ? "username" : field.replaceFirst("\\[\\d+]$", "");
    }

    private Set<String> taken(List<String> usernames) {
        Set<String> taken = new java.util.HashSet<>();
        List<String> distinct = usernames.stream().filter(name -> !name.isEmpty()).distinct().toList();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            taken.addAll(accounts.taken(distinct.subList(from, Math.min(distinct.size(), from + CHUNK))));
        }
        return taken;
    }
}
