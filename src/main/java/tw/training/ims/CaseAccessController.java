package tw.training.ims;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.problem.InvalidInputException;
import tw.training.web.PlainText;

import java.util.Map;

/** The administrator's switch for anonymous reads of the CASE provider. */
@Controller("/api/admin/settings/case-public-read")
@Secured(Roles.ADMIN)
@PlainText
@Tag(name = "CASE 1.1")
class CaseAccessController {

    private final CaseAccess access;

    CaseAccessController(CaseAccess access) {
        this.access = access;
    }

    @Get
    @Operation(summary = "Whether the CASE provider answers without sign-in: the value in force, the configured one, and the administrator's if set")
    CaseAccess.View show() {
        return access.view();
    }

    @Put
    @Operation(summary = "Open the CASE provider to anyone (true), keep it to signed-in users (false), or follow the configuration (null)")
    CaseAccess.View change(@Body Map<String, Object> change, @Parameter(hidden = true) Actor actor) {
        for (String field : change.keySet()) {
            if (!field.equals("publicRead")) {
                throw InvalidInputException.of(field, "ims.not-setting-here-only-publicread", field);
            }
        }
        Object publicRead = change.get("publicRead");
        // true opens the reads to anyone, false keeps them to signed-in users, null (or absent) follows the configuration
        if (publicRead != null && !(publicRead instanceof Boolean)) {
            throw InvalidInputException.of("publicRead", "ims.publicread-must-true-false-null", publicRead);
        }
        return access.set((Boolean) publicRead, actor);
    }
}
