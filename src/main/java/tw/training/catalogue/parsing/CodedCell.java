package tw.training.catalogue.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table cell holding coded items (P1.1.1 …, K01 …): the text before the first code, which continues an
 * item cut off by the page break above, and the items themselves, still raw.
 */
final class CodedCell {

    enum Code {
        TASK("T\\d+\\.\\d+"),
        RESPONSIBILITY("T\\d+(?![.\\d])"),
        OUTPUT("O\\d+(?:\\.\\d+)+"),
        INDICATOR("P\\d+(?:\\.\\d+)+"),
        KNOWLEDGE("K\\d+"),
        SKILL("S\\d+"),
        ATTITUDE("A\\d+");

        private final Pattern anywhere;
        private final Pattern leading;

        Code(String code) {
            // a code stands alone: at the start or after white space, and not followed by more of a code
            this.anywhere = Pattern.compile("(?<!\\S)(" + code + ")(?![\\dA-Za-z]|\\.\\d)");
            this.leading = Pattern.compile("^(" + code + ")(?![\\dA-Za-z]|\\.\\d)");
        }
    }

    record Item(String code, String text) {
    }

    record Split(String lead, List<Item> items) {
    }

    private CodedCell() {
    }

    static Split split(String cell, Code code) {
        String text = Markup.flattenBlocks(cell);
        Matcher m = code.anywhere.matcher(text);
        List<int[]> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(1), m.end(1)});
        }
        if (starts.isEmpty()) {
            return new Split(text.strip(), List.of());
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            items.add(new Item(text.substring(starts.get(i)[0], starts.get(i)[1]),
                    text.substring(starts.get(i)[1], end).strip()));
        }
        return new Split(text.substring(0, starts.get(0)[0]).strip(), items);
    }

    /** Which kind of code the cell starts with, if any: how a row that lost cells is put back in place. */
    static Optional<Code> leadingCode(String cell) {
        String text = Markup.flattenBlocks(cell).strip();
        for (Code code : Code.values()) {
            if (code.leading.matcher(text).find()) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
