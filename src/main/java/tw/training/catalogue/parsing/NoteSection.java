package tw.training.catalogue.parsing;

import tw.training.catalogue.document.Note;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 說明與補充事項: footnotes (【註N】…) that items refer to, and headed paragraphs such as
 * 建議擔任此職類/職業之學歷/經歷/或能力條件 followed by their bullet points. A heading with nothing under it
 * but footnotes (其他補充說明) only groups them and is not a note of its own.
 */
final class NoteSection {

    private static final Pattern BULLET = Pattern.compile("^[-•●○■▪*]+\\s*");
    private static final Pattern LEADING_FOOTNOTE = Pattern.compile("^(?:" + Markup.FOOTNOTE.pattern() + ")\\s*(.*)$",
            Pattern.DOTALL);

    static final String SECTION = "說明與補充事項";

    private final List<DraftNote> notes = new ArrayList<>();

    private static final class DraftNote {
        final String label;
        final boolean footnote;
        final List<String> lines = new ArrayList<>();

        DraftNote(String label, boolean footnote) {
            this.label = label;
            this.footnote = footnote;
        }
    }

    static boolean isHeading(SourceLine line) {
        String label = SourceLine.label(line.firstCell());
        return label.equals("說明與補充事項") || label.equals("說明及補充事項");
    }

    void line(SourceLine line) {
        String text = line.cells().stream().filter(cell -> !cell.isEmpty()).reduce((a, b) -> a + " " + b).orElse("");
        boolean bullet = BULLET.matcher(text).find();
        String body = BULLET.matcher(text).replaceFirst("").strip();
        Matcher footnote = LEADING_FOOTNOTE.matcher(body);
        if (footnote.matches()) {
            DraftNote note = new DraftNote("註" + Markup.number(footnote), true);
            note.lines.add(footnote.group(footnote.groupCount()));
            notes.add(note);
            return;
        }
        DraftNote last = notes.isEmpty() ? null : notes.get(notes.size() - 1);
        if (body.endsWith("：") || body.endsWith(":")) {
            notes.add(new DraftNote(body.substring(0, body.length() - 1).strip(), false));
        } else if (last != null && last.footnote && !bullet) {
            // a footnote cut by a page break
            int end = last.lines.size() - 1;
            last.lines.set(end, PageBreak.join(last.lines.get(end), body).text());
        } else if (last != null && !last.footnote && (bullet || last.lines.isEmpty())) {
            last.lines.add(body);
        } else {
            notes.add(new DraftNote(body, false));
        }
    }

    List<Note> notes() {
        List<Note> result = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            DraftNote note = notes.get(i);
            List<String> lines = note.lines.stream().map(line -> Markup.clean(line).text()).filter(line -> !line.isEmpty()).toList();
            boolean groupsFootnotes = i + 1 < notes.size() && notes.get(i + 1).footnote;
            if (note.footnote || !lines.isEmpty()) {
                result.add(new Note(note.label, String.join("\n", lines)));
            } else if (!groupsFootnotes) {
                // a paragraph standing alone is text of the section, not a heading
                result.add(new Note(SECTION, Markup.clean(note.label).text()));
            }
        }
        return result;
    }
}
