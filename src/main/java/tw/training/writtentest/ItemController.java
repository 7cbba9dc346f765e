package tw.training.writtentest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.web.PlainText;
import tw.training.account.Roles;
import tw.training.web.TextUpload;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** SPEC §11: a course's item bank, for its trainers and admins (the items carry their key). */
@PlainText
@Controller
@Secured({Roles.TRAINER, Roles.ADMIN})
@Tag(name = "written tests")
class ItemController {

    private final ItemBank bank;

    ItemController(ItemBank bank) {
        this.bank = bank;
    }

    @Get("/api/courses/{id}/items")
    @Operation(summary = "The course's item bank (items retired after being drawn are not listed), each with its key and indicators")
    List<ItemViews.Item> list(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return bank.list(id, actor);
    }

    @Post(value = "/api/courses/{id}/items", consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an item: {kind, stem, options: [{text, correct}], answer (true/false), modelAnswer (short answer), indicators}")
    @Status(HttpStatus.CREATED)
    HttpResponse<ItemViews.Item> add(@PathVariable long id, @Body ItemViews.NewItem item, @Parameter(hidden = true) Actor actor) {
        ItemViews.Item added = bank.add(id, item, actor);
        return HttpResponse.created(added, URI.create("/api/items/" + added.id()));
    }

    @Post(value = "/api/courses/{id}/items", consumes = {"text/csv", MediaType.MULTIPART_FORM_DATA})
    @Operation(summary = "Import items from CSV (columns kind, stem, options, answer, indicators; README): all of the file or, naming each faulty line, none")
    @Status(HttpStatus.CREATED)
    ItemViews.Imported importCsv(@PathVariable long id, HttpRequest<?> request, @Parameter(hidden = true) Actor actor) throws IOException {
        return bank.importFile(id, TextUpload.read(request, "the item file"), ItemBank.Format.CSV, actor);
    }

    @Post(value = "/api/courses/{id}/items", consumes = MediaType.TEXT_PLAIN)
    @Operation(summary = "Import items from Moodle GIFT (choice, true/false, short answer; tags [tag:KPS5294-001v4:P2.3.1] in the comment before each): all or none")
    @Status(HttpStatus.CREATED)
    ItemViews.Imported importGift(@PathVariable long id, HttpRequest<?> request, @Parameter(hidden = true) Actor actor) throws IOException {
        return bank.importFile(id, TextUpload.read(request, "the item file"), ItemBank.Format.GIFT, actor);
    }

    @Get("/api/items/{itemId}")
    @Operation(summary = "An item with its key")
    ItemViews.Item get(@PathVariable long itemId, @Parameter(hidden = true) Actor actor) {
        return bank.get(itemId, actor);
    }

    @Put("/api/items/{itemId}")
    @Operation(summary = "Replace an item no attempt has drawn (409 once one has: retire it and add another)")
    ItemViews.Item change(@PathVariable long itemId, @Body ItemViews.NewItem item, @Parameter(hidden = true) Actor actor) {
        return bank.change(itemId, item, actor);
    }

    @Delete("/api/items/{itemId}")
    @Operation(summary = "Delete an item, or retire it if an attempt drew it (no longer drawn, still shown in that attempt)")
    @Status(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long itemId, @Parameter(hidden = true) Actor actor) {
        bank.remove(itemId, actor);
    }
}
