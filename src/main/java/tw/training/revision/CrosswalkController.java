package tw.training.revision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.web.PlainText;

import java.net.URI;
import java.util.List;

/** Issue 35: crosswalks between a version of a document and the version that superseded it. */
@PlainText
@Controller("/api/crosswalks")
@Secured({Roles.TRAINER, Roles.ADMIN})
@Tag(name = "revision")
class CrosswalkController {

    private final Crosswalks crosswalks;

    CrosswalkController(Crosswalks crosswalks) {
        this.crosswalks = crosswalks;
    }

    /** What to propose a crosswalk between: an older version and the version that superseded it. */
    @Serdeable
    record ProposeBody(@Nullable String from, @Nullable String to) {
    }

    @Post
    @Operation(summary = "Propose the crosswalk from a version ('from') to the one that superseded it ('to'): 201 with the proposal,"
            + " or 200 with the crosswalk already there")
    @ApiResponse(responseCode = "201", description = "Proposed: the crosswalk is new",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Crosswalk.class)))
    @ApiResponse(responseCode = "200", description = "The crosswalk between the two versions was already there: nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Crosswalk.class)))
    HttpResponse<Crosswalk> propose(@Body ProposeBody body, @Parameter(hidden = true) Actor actor) {
        Crosswalks.Proposal proposal = crosswalks.propose(body.from(), body.to(), actor);
        URI location = URI.create("/api/crosswalks/" + proposal.crosswalk().id());
        return proposal.created() ? HttpResponse.created(proposal.crosswalk(), location)
                : HttpResponse.ok(proposal.crosswalk()).header("Location", location.toString());
    }

    @Get
    @Operation(summary = "Every crosswalk, newest first, without its lines")
    List<Crosswalk.Header> list() {
        return crosswalks.list();
    }

    @Get("/{id}")
    @Operation(summary = "A crosswalk with its lines: each old task and indicator EQUIVALENT or PARTIAL to new items, or NONE; then the NEW items")
    Crosswalk get(@PathVariable long id) {
        return crosswalks.get(id);
    }

    @Put("/{id}/lines")
    @Operation(summary = "Replace what the crosswalk says of the old items (all of them: kind, from, relation EQUIVALENT, PARTIAL or NONE,"
            + " to, note); the NEW lines follow. 409 once confirmed")
    Crosswalk edit(@PathVariable long id, @Body List<Crosswalks.LineInput> lines, @Parameter(hidden = true) Actor actor) {
        return crosswalks.edit(id, lines, actor);
    }

    @Post("/{id}/confirmation")
    @Operation(summary = "Confirm the crosswalk as it stands: from now on it never changes, and courses and learners can move through it")
    Crosswalk confirm(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return crosswalks.confirm(id, actor);
    }
}
