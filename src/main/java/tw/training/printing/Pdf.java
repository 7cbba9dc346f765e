package tw.training.printing;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.slf4j.Slf4jLogger;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;

/**
 * Prints well-formed XHTML to PDF. Every page uses Noto Sans TC (OFL, shipped in {@code templates/fonts}),
 * embedded as a subset, so Traditional Chinese renders and lands in the PDF's text layer on any machine.
 */
@Singleton
public class Pdf {

    /** The family name templates ask for in their CSS. */
    public static final String FONT_FAMILY = "Noto Sans TC";
    private static final String FONT_RESOURCE = "/views/fonts/NotoSansTC-Regular.ttf";

    static {
        // the renderer logs through java.util.logging to standard output by default, a line per stylesheet and font in
        // its own format, outside logback and its JSON; through SLF4J it is one more logger
        XRLog.setLoggerImpl(new Slf4jLogger());
    }

    private volatile File font;

    /** The page as PDF bytes; {@code html} must be XHTML (the templates are written so). */
    public byte[] print(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // from a file, not a stream: the font is read lazily and only the glyphs used are embedded; and for SVG
            // too, so the report's charts label in the same font (Chinese usernames included) on any machine
            builder.useFont(font(), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true, EnumSet.of(BaseRendererBuilder.FSFontUseCase.DOCUMENT, BaseRendererBuilder.FSFontUseCase.SVG));
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(printable(html), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written", e);
        }
        return out.toByteArray();
    }

    /**
     * What XML can carry: text stored before input was checked may hold control characters or half a surrogate
     * pair, which the XHTML parser refuses; each is printed as U+FFFD instead of failing the whole page.
     */
    static String printable(String html) {
        StringBuilder out = null;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < html.length() && Character.isLowSurrogate(html.charAt(i + 1));
            boolean bad = !pair && Character.isSurrogate(c) || c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0xFFFE || c == 0xFFFF;
            if (bad && out == null) {
                out = new StringBuilder(html.length()).append(html, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
                if (pair) {
                    out.append(html.charAt(++i));
                }
            } else if (pair) {
                i++;
            }
        }
        return out == null ? html : out.toString();
    }

    /**
     * The font as a file PDFBox can read by random access: one copy per font content in the temporary folder,
     * named by its SHA-256 and shared by every process and restart, so no run (nor a killed one) leaves another.
     */
    private File font() throws IOException {
        File copy = font;
        if (copy == null) {
            synchronized (this) {
                copy = font;
                if (copy == null) {
                    copy = sharedCopy(Path.of(System.getProperty("java.io.tmpdir"), "competency-backend")).toFile();
                    font = copy;
                }
            }
        }
        return copy;
    }

    static Path sharedCopy(Path folder) throws IOException {
        byte[] bytes;
        try (InputStream in = Pdf.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IOException("font " + FONT_RESOURCE + " missing from the classpath");
            }
            bytes = in.readAllBytes();
        }
        Files.createDirectories(folder);
        Path file = folder.resolve("NotoSansTC-Regular-" + sha256(bytes).substring(0, 16) + ".ttf");
        if (!Files.exists(file) || Files.size(file) != bytes.length) {
            // written aside and moved into place: another process may be reading or writing the same name
            Path partial = Files.createTempFile(folder, "font", ".part");
            try {
                Files.write(partial, bytes);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return file;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
