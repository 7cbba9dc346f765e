package tw.training.catalogue.parsing;

import tw.training.catalogue.document.Attitude;
import tw.training.catalogue.document.Classification;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Definition;
import tw.training.catalogue.document.Indicator;
import tw.training.catalogue.document.Note;
import tw.training.catalogue.document.Responsibility;
import tw.training.catalogue.document.Task;
import tw.training.catalogue.document.Version;
import tw.training.catalogue.document.WorkOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders a whole document as plain lines, one per item with its full text, so a test can pin every part
 * of it against an outline in {@code src/test/resources/expected/} that was checked by hand against the
 * source text; a difference shows exactly which item changed.
 */
final class DocumentOutline {

    private final StringBuilder out = new StringBuilder();

    static String of(CompetencyDocument d) {
        return new DocumentOutline().render(d);
    }

    static String expected(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/expected", name + ".outline"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String render(CompetencyDocument d) {
        line(d.kind() + " " + d.code() + " | " + d.name() + " | level " + d.level() + " | field " + d.field() + " | title " + d.title());
        line("description " + d.description());
        line("jobCategory " + classification(d.jobCategory()));
        line("occupation " + classification(d.occupation()));
        line("industry " + classification(d.industry()));
        for (Version v : d.versions()) {
            line("version " + v.version() + " " + v.code() + " | " + v.name() + " | " + (v.current() ? "current" : "historical")
                    + " | " + v.date() + " | " + v.note());
        }
        for (Responsibility r : d.responsibilities()) {
            line("responsibility " + r.code() + " " + r.title() + footnotes(r.footnotes()));
        }
        for (Task t : d.tasks()) {
            line("task " + t.code() + " " + t.title() + " | level " + t.level() + " | under " + t.responsibilityCode()
                    + " | K " + codes(t.knowledge()) + " | S " + codes(t.skills()) + " | A " + codes(t.attitudes()) + footnotes(t.footnotes()));
            for (WorkOutput o : t.outputs()) {
                line("  output " + o.code() + " " + o.title() + footnotes(o.footnotes()));
            }
            for (Indicator p : t.indicators()) {
                line("  indicator " + p.code() + " " + p.text() + footnotes(p.footnotes()));
            }
        }
        for (Definition k : d.knowledge()) {
            line("knowledge " + k.code() + " " + k.text() + footnotes(k.footnotes()));
        }
        for (Definition s : d.skills()) {
            line("skill " + s.code() + " " + s.text() + footnotes(s.footnotes()));
        }
        for (Attitude a : d.attitudes()) {
            line("attitude " + a.code() + " " + a.name() + " : " + a.description());
        }
        for (Note n : d.notes()) {
            line("note " + n.label() + " : " + n.text().replace("\n", " ⏎ "));
        }
        d.assessment().evidenceAspects().forEach(text -> line("evidence aspect " + text));
        d.assessment().contexts().forEach(text -> line("context " + text));
        d.assessment().methods().forEach(text -> line("method " + text));
        return out.toString();
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private static String classification(Classification c) {
        return c == null ? "-" : c.code() + " " + c.name();
    }

    private static String codes(List<String> codes) {
        return codes.isEmpty() ? "-" : String.join(" ", codes);
    }

    private static String footnotes(List<String> footnotes) {
        return footnotes.isEmpty() ? "" : " " + footnotes;
    }
}
