package tw.training.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The fuzz test's request bodies: a valid one per route, then perhaps mutated ({@link Mutations}). */
final class Bodies {

    private static final String STANDARD = "TSA4224-001v2";

    private Bodies() {
    }

    static Body of(String method, String template, String document, Random random, boolean mutate) {
        if (template.equals("/api/standards") && method.equals("POST")) {
            String text = mutate ? Mutations.document(document, random) : document;
            return Body.text("text/plain; charset=UTF-8", text);
        }
        if (template.endsWith("/enrollments/bulk")) {
            String csv = mutate ? Mutations.text(random) + "\n" + Mutations.text(random) : "username\nfuzz.stranger\n";
            return Body.text("text/csv", csv);
        }
        if (template.endsWith("/evidence") && method.equals("POST")) {
            return Mutations.multipart(random, mutate);
        }
        Object valid = valid(method, template, random);
        if (!mutate) {
            return Body.json(Json.write(valid));
        }
        return Mutations.json(valid, random);
    }

    /** A body the route accepts from the right user in the right state. */
    private static Object valid(String method, String template, Random random) {
        int n = random.nextInt(1_000_000);
        return switch (template.replaceAll("\\{\\?[^}]*}", "")) {
            case "/login" -> map("username", "fuzz.learner", "password", "correct horse battery staple");
            case "/api/users" -> map("username", "fz" + n, "displayName", "模糊 " + n, "email", "fz" + n + "@example.org",
                    "password", "a long fuzzing passphrase " + n, "roles", List.of("LEARNER"));
            case "/api/users/{username}/password" -> map("password", "another long passphrase " + n);
            case "/api/users/{username}/roles" -> map("roles", List.of("LEARNER", "TRAINER"));
            case "/api/me/password" -> map("currentPassword", "not the current one", "newPassword", "a new long passphrase " + n);
            case "/api/courses" -> map("code", "FZ-" + n, "title", "課程 " + n, "description", "說明\n第二行", "hours", 6);
            case "/api/courses/{id}/alignments" -> map("standardCode", STANDARD, "taskCode", "T2.1", "methods", List.of("OBSERVATION"),
                    "indicatorCodes", List.of());
            case "/api/courses/{id}/plan/{indicatorId}" -> map("methods", List.of("PORTFOLIO", "OBSERVATION"));
            case "/api/courses/{id}/modules", "/api/courses/{id}/modules/{moduleId}" ->
                    map("title", "模組 " + n, "hours", 2, "description", "內容", "tasks", List.of(STANDARD + ":T1.1"));
            case "/api/courses/{id}/trainers", "/api/courses/{id}/enrollments" -> map("username", "fuzz.stranger");
            case "/api/evidence/{id}/judgements" -> map("indicator", STANDARD + ":P1.1.1", "outcome", "NOT_YET", "comment", "再試一次");
            case "/api/courses/{id}/judgements" -> List.of(map("evidenceId", 1, "indicator", STANDARD + ":P1.1.1", "outcome", "MET",
                    "comment", "好"));
            case "/api/certificates/{number}/revocation" -> map("reason", "測試撤銷");
            default -> map();
        };
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** A body as sent. */
    record Body(String contentType, byte[] bytes) {

        static Body json(String json) {
            return text("application/json", json);
        }

        static Body text(String contentType, String text) {
            return new Body(contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        String preview() {
            return new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8);
        }
    }
}
