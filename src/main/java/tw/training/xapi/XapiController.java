package tw.training.xapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.json.Json;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Roles;
import tw.training.problem.InvalidInputException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** SPEC §12: the statements of the outbox, for administrators, with or without an LRS. */
@Controller
@Secured(Roles.ADMIN)
@Tag(name = "xAPI")
class XapiController {

    private static final int MAX = 1000;

    private final XapiStatements statements;

    XapiController(XapiStatements statements) {
        this.statements = statements;
    }

    /**
     * A page of statements as xAPI's StatementResult: {@code more} is the relative address of the next page (the same
     * filters, {@code after} the last statement given), or empty when there is none.
     */
    @Get("/api/xapi/statements{?since,until,learner,verb,limit,after}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "xAPI 1.0.3 statements in the order their records were logged: since/until (ISO instants, the statement's time), learner (username), verb (IRI),"
            + " limit (1-1000); more is the address of the next page, or empty")
    HttpResponse<String> list(@Nullable @QueryValue String since, @Nullable @QueryValue String until, @Nullable @QueryValue String learner,
                              @Nullable @QueryValue String verb, @Nullable @QueryValue Integer limit, @Nullable @QueryValue String after) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX) {
            throw InvalidInputException.of("limit", "xapi.limit-must", MAX);
        }
        Instant from = instant(since, "since");
        Instant to = instant(until, "until");
        long position = position(after);
        // what committed until now is read: its leaves placed in the log first
        statements.sequence();
        List<XapiStatements.Told> found = statements.after(position, from, to, blank(learner), blank(verb), size + 1);
        StringBuilder body = new StringBuilder("{\"statements\":[");
        for (int i = 0; i < Math.min(size, found.size()); i++) {
            body.append(i == 0 ? "" : ",").append(found.get(i).statement());
        }
        String more = "";
        if (found.size() > size) {
            UriBuilder next = UriBuilder.of("/api/xapi/statements");
            for (String[] filter : new String[][] {{"since", since}, {"until", until}, {"learner", learner}, {"verb", verb}}) {
                if (blank(filter[1]) != null) {
                    next.queryParam(filter[0], filter[1].strip());
                }
            }
            more = next.queryParam("limit", size).queryParam("after", found.get(size - 1).position()).toString();
        }
        body.append("],\"more\":").append(Json.createValue(more)).append('}');
        return HttpResponse.ok(body.toString()).contentType(MediaType.APPLICATION_JSON);
    }

    private static @Nullable Instant instant(@Nullable String value, String field) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "xapi.must-instant-such-as-29t10", field);
        }
    }

    private static long position(@Nullable String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        if (!after.strip().matches("[0-9]{1,18}")) {
            throw InvalidInputException.of("after", "xapi.after-must-position-page-s");
        }
        return Long.parseLong(after.strip());
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
