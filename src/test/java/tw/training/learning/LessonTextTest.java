package tw.training.learning;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 18, point 2: a lesson holding script in every form we know renders without any of it, and Markdown still renders. */
class LessonTextTest {

    private static final String HOSTILE = """
            # 客訴處理的步驟

            先**傾聽**，再[記錄](https://example.org/form)。

            <script>alert('x')</script>

            <img src=x onerror="alert('y')">

            <a href="javascript:alert('z')">點我</a>

            [也點我](javascript:alert('w')) 與 [大寫也不行](JaVaScRiPt:alert('v'))

            <svg><script>alert('u')</script><circle onload="alert('t')"/></svg>

            <iframe src="https://evil.example"></iframe>

            <p style="background:url(javascript:alert('s'))" onclick="alert('r')">文字</p>
            """;

    @Test
    void noScriptSurvives() {
        String html = LessonText.html(HOSTILE);
        String lower = html.toLowerCase();
        for (String forbidden : new String[] {"script", "onerror", "onload", "onclick", "javascript", "alert(", "<svg", "<iframe", "<img",
                "style="}) {
            assertFalse(lower.contains(forbidden), () -> forbidden + " survived in " + html);
        }
        // and read as a browser would: no element outside the allow-list, no event handler, no script URL
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            assertTrue(Set.of("body", "h1", "p", "strong", "a", "em", "code", "pre", "ul", "ol", "li", "blockquote").contains(element.tagName()),
                    element::toString);
            element.attributes().forEach(attribute -> assertFalse(attribute.getKey().startsWith("on") || attribute.getValue().contains(":")
                    && !attribute.getValue().startsWith("https:"), element::toString));
        }
    }

    @Test
    void theLessonStillReads() {
        String html = LessonText.html(HOSTILE);
        assertTrue(html.contains("<h1>客訴處理的步驟</h1>"), html);
        assertTrue(html.contains("<strong>傾聽</strong>"), html);
        assertTrue(html.contains("href=\"https://example.org/form\"") && html.contains("rel=\"noopener noreferrer\""), html);
        assertTrue(html.contains(">記錄</a>") && html.contains(">也點我</a>"), "links keep their text, unsafe ones lose their target: " + html);
        assertTrue(html.contains("文字") && html.contains("點我"), "the text of removed markup stays: " + html);
    }
}
