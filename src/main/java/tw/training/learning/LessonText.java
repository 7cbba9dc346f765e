package tw.training.learning;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A lesson's Markdown as the HTML a learner's page shows. CommonMark renders it and drops link targets other than http,
 * https and mailto; jsoup then keeps only an allow-list of elements and attributes of what came out, raw HTML in the
 * text included: no script (nor its text), no SVG, no frame, no image, no event handler, no style, and link targets
 * again only http, https, mailto and anchors.
 */
public final class LessonText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().sanitizeUrls(true).build();
    private static final Safelist ALLOWED = Safelist.relaxed().removeTags("img").addProtocols("a", "href", "#")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer").preserveRelativeLinks(false);

    private LessonText() {
    }

    /** The lesson as safe HTML; links open without giving the linked page a handle on ours. */
    public static String html(String markdown) {
        String rendered = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(rendered, "", ALLOWED, output);
    }
}
