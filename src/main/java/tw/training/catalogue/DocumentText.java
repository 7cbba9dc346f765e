package tw.training.catalogue;

import tw.training.phrase.Phrase;

import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.problem.Text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A document's bytes as the importer reads them, whether sent to the API or uploaded through the import page. */
final class DocumentText {

    private DocumentText() {
    }

    /**
     * Strict UTF-8: a document in another encoding is refused at the line of its first bad byte, and one holding
     * control characters (other than tabs, line and page breaks) at each line that has one.
     */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            List<InputError> errors = new ArrayList<>();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length && errors.size() < 20; i++) {
                int line = i + 1;
                Text.fault(lines[i].replace('\f', ' ')).ifPresent(fault -> errors.add(InputError.line(line, fault)));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(Phrase.of("catalogue.document-holds-characters-that-are"), errors);
            }
            return text;
        } catch (CharacterCodingException e) {
            int line = 1 + lineOfFirstInvalidByte(bytes);
            throw new InvalidInputException(Phrase.of("catalogue.document-not-utf-text"),
                    List.of(InputError.line(line, "catalogue.not-utf-from-this-line")));
        }
    }

    private static int lineOfFirstInvalidByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int newlines = 0;
        int lineStart = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, lineStart, i - lineStart));
                } catch (CharacterCodingException e) {
                    return newlines;
                }
                newlines++;
                lineStart = i + 1;
            }
        }
        return newlines;
    }
}
