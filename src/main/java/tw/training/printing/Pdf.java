package tw.training.printing;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
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

/**
 * Prints well-formed XHTML to PDF. Every page uses Noto Sans TC (OFL, shipped in {@code templates/fonts}),
 * embedded as a subset, so Traditional Chinese renders and lands in the PDF's text layer on any machine.
 */
@Singleton
public class Pdf {

    /** The family name templates ask for in their CSS. */
    public static final String FONT_FAMILY = "Noto Sans TC";
    private static final String FONT_RESOURCE = "/views/fonts/NotoSansTC-Regular.ttf";

    private volatile File font;

    /** The page as PDF bytes; {@code html} must be XHTML (the templates are written so). */
    public byte[] print(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // from a file, not a stream: the font is read lazily and only the glyphs used are embedded
            builder.useFont(font(), FONT_FAMILY);
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written", e);
        }
        return out.toByteArray();
    }

    /** The font copied once out of the jar into a temporary file, which PDFBox reads by random access. */
    private File font() throws IOException {
        File copy = font;
        if (copy == null) {
            synchronized (this) {
                copy = font;
                if (copy == null) {
                    Path file = Files.createTempFile("noto-sans-tc", ".ttf");
                    file.toFile().deleteOnExit();
                    try (InputStream in = Pdf.class.getResourceAsStream(FONT_RESOURCE)) {
                        if (in == null) {
                            throw new IOException("font " + FONT_RESOURCE + " missing from the classpath");
                        }
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                    copy = file.toFile();
                    font = copy;
                }
            }
        }
        return copy;
    }
}
