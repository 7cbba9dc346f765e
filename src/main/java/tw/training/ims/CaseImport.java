package tw.training.ims;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.catalogue.CatalogueService;
import tw.training.catalogue.ImportResult;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Task;
import tw.training.phrase.Phrase;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.revision.Crosswalk;
import tw.training.revision.Crosswalks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CFPackage imported (SPEC §12), with the crosswalk it carries from the version it revises (issue 35): when that
 * version is in the catalogue, the package's associations from its items become a PROPOSED crosswalk — EQUIVALENT for
 * {@code exactMatchOf} and {@code replacedBy}, PARTIAL with the association's notes for {@code isRelatedTo}, NONE for an
 * item none leaves — for a reviewer here to confirm. The crosswalk is read and checked against the package's document
 * before anything is stored, so one that cannot be read refuses the document with it; then the document is imported
 * as any package is (the catalogue's own transaction, which copes with the same package sent twice at once), then the
 * crosswalk filed. When the older version is not here, the document comes alone.
 */
@Singleton
class CaseImport {

    private final CatalogueService catalogue;
    private final Crosswalks crosswalks;

    CaseImport(CatalogueService catalogue, Crosswalks crosswalks) {
        this.catalogue = catalogue;
        this.crosswalks = crosswalks;
    }

    ImportResult importPackage(Map<String, Object> cfPackage, @Nullable String code, String text, Actor actor) {
        CasePackageReader.Read read = CasePackageReader.readAll(cfPackage, code);
        Optional<Mapped> crosswalk = read.mappings().isEmpty() ? Optional.empty() : mapped(read.document(), read.mappings());
        ImportResult result = catalogue.importRead(read.document(), text);
        crosswalk.ifPresent(mapped -> crosswalks.imported(mapped.older(), result.code(), mapped.lines(), actor));
        return result;
    }

    /** An item of the older version, as a crosswalk line names it. */
    private record Item(String kind, String code) {
    }

    /** The crosswalk's lines, checked, and the older version they come from. */
    private record Mapped(String older, List<Crosswalk.Line> lines) {
    }

    private Optional<Mapped> mapped(CompetencyDocument newer, List<CasePackageReader.Mapping> mappings) {
        Optional<String> revised = catalogue.previousVersion(newer.code());
        if (revised.isEmpty()) {
            return Optional.empty();
        }
        CompetencyDocument older = catalogue.get(revised.get());
        Map<String, Item> items = new HashMap<>();
        List<Item> inOrder = new ArrayList<>();
        for (Task task : older.tasks()) {
            inOrder.add(new Item("TASK", task.code()));
            task.indicators().forEach(i -> inOrder.add(new Item("INDICATOR", i.code())));
        }
        inOrder.forEach(item -> items.put(CaseIds.item(older.code(), item.code()), item));
        List<InputError> errors = new ArrayList<>();
        Map<String, List<CasePackageReader.Mapping>> byItem = new HashMap<>();
        for (CasePackageReader.Mapping mapping : mappings) {
            Item item = items.get(mapping.origin());
            if (item == null) {
                errors.add(InputError.field(mapping.at() + ".originNodeURI", "ims.crosswalk-origin-unknown", mapping.origin(), older.code()));
            } else {
                byItem.computeIfAbsent(item.code(), c -> new ArrayList<>()).add(mapping);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("ims.case-package-cannot-imported"), errors);
        }
        List<Crosswalks.LineInput> lines = new ArrayList<>();
        for (Item item : inOrder) {
            List<CasePackageReader.Mapping> said = byItem.getOrDefault(item.code(), List.of());
            if (said.isEmpty()) {
                lines.add(new Crosswalks.LineInput(item.kind(), item.code(), null, "NONE", null));
            }
            said.forEach(m -> lines.add(new Crosswalks.LineInput(item.kind(), item.code(), m.destinationCode(),
                    m.type().equals("isRelatedTo") ? "PARTIAL" : "EQUIVALENT", m.notes())));
        }
        return Optional.of(new Mapped(older.code(), crosswalks.check(older, newer, lines)));
    }
}
