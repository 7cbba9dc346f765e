package tw.training.printing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The printer prints whatever text is stored, and keeps one copy of its font on disk whatever the number of runs. */
class PdfTest {

    private static final String PAGE = "<html><head><style>body { font-family: '" + Pdf.FONT_FAMILY + "'; }</style></head>"
            + "<body><p>%s</p></body></html>";

    @Test
    void printsTextStoredBeforeInputWasCheckedInsteadOfFailing() throws IOException {
        String stored = "客訴\u0000處理\uD800實務\u001B";

        byte[] pdf = new Pdf().print(PAGE.formatted(stored));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("客訴") && text.contains("處理") && text.contains("實務"), text);
        }
    }

    @Test
    void leavesTextThatIsAlreadyPrintableAsItIs() {
        String text = "王小明 😀 \t tab";

        assertEquals(text, Pdf.printable(text));
        assertEquals("a\uFFFDb\uFFFD", Pdf.printable("a\u0000b\uDC00"));
    }

    @Test
    void printersOfManyProcessesLeaveNoFontCopiesBehind() throws IOException {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        long before = fontFilesUnder(temporary);

        // each new printer is what a new process would have: none may add a copy once one is there
        new Pdf().print(PAGE.formatted("一"));
        long afterFirst = fontFilesUnder(temporary);
        new Pdf().print(PAGE.formatted("二"));
        new Pdf().print(PAGE.formatted("三"));

        assertTrue(afterFirst - before <= 1, "at most the one shared copy: " + before + " → " + afterFirst);
        assertEquals(afterFirst, fontFilesUnder(temporary));
    }

    @Test
    void theSharedCopyIsWrittenOnceWhole() throws IOException {
        Path folder = Files.createTempDirectory("fonts");

        Path first = Pdf.sharedCopy(folder);
        Path second = Pdf.sharedCopy(folder);

        assertEquals(first, second);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(1, files.count(), "one font file, no leftovers");
        }
        assertTrue(Files.size(first) > 1_000_000);
    }

    /** Font files in the temporary folder (where a copy per process was once left) and in the shared copy's folder. */
    private static long fontFilesUnder(Path temporary) throws IOException {
        long count = 0;
        for (Path folder : List.of(temporary, temporary.resolve("competency-backend"))) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    count += files.filter(file -> file.getFileName().toString().endsWith(".ttf")).count();
                }
            }
        }
        return count;
    }
}
