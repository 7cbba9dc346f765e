package tw.training.account.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Roles;
import tw.training.problem.InvalidInputException;

import java.util.Arrays;
import java.util.List;

/** The audit trail for administrators. */
@Controller("/api/audit")
@Secured(Roles.ADMIN)
@Tag(name = "accounts")
class AuditController {

    private static final int MAX_LIMIT = 1000;

    private final SecurityAudit audit;

    AuditController(SecurityAudit audit) {
        this.audit = audit;
    }

    @Get
    @Operation(summary = "Security events, newest first, optionally of one type or concerning one username")
    List<SecurityEvent> list(@QueryValue @Nullable String type, @QueryValue @Nullable String username,
                             @QueryValue @Nullable Integer limit) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "account.limit-must-between", MAX_LIMIT);
        }
        return audit.list(type(type), username, size);
    }

    private static SecurityEventType type(@Nullable String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return SecurityEventType.valueOf(type.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("type", "account.type-must-one", Arrays.toString(SecurityEventType.values()));
        }
    }
}
