package tw.training.testing;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real headless Chromium (Debian's {@code chromium} and its matching {@code chromedriver}, STACK.md) for the page
 * tests. Where the browser is missing the tests are skipped, except under {@code CI=true}, where they fail: CI
 * installs it ({@code .ci/run}), so its absence there is a fault, never a silent pass.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Only a hang guard: a page that never comes fails the test instead of holding the build. */
    private static final Duration NEVER = Duration.ofSeconds(60);

    public final WebDriver driver;
    private final Path profile;
    private final String base;
    private int shots;
    /** The emulated viewport's width and height, or the window's when none is emulated. */
    private int[] viewport = {1280, 1600};

    private Browser(WebDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** Skips (locally) or fails (under CI=true) when the browser is not installed. */
    public static void requireInstalled() {
        requireInstalled(CHROMIUM, DRIVER, System.getenv("CI"));
    }

    /** {@link #requireInstalled()} for given places and value of {@code CI}: what BrowserRequirementTest checks. */
    static void requireInstalled(Path chromium, Path driver, String ci) {
        boolean installed = Files.isExecutable(chromium) && Files.isExecutable(driver);
        if (!installed && "true".equalsIgnoreCase(ci)) {
            fail("Chromium and chromedriver are not installed at " + chromium + " and " + driver + "; .ci/run installs them");
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed here (apt-get install chromium chromium-driver)");
    }

    /** A browser whose language is {@code language} (an Accept-Language value), pointed at {@code base}. */
    public static Browser start(String base, String language) {
        requireInstalled();
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // this machine's network is closed: nothing in the background may try to reach it
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                    "--window-size=1280,1600", "--user-data-dir=" + profile, "--lang=" + language);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(NEVER).scriptTimeout(NEVER);
            return new Browser(driver, profile, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs in through the form, as a person would, and waits for {@code next} (a local path) to open. */
    public void signIn(String username, String password, String next) {
        open("/signin?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
        driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password + org.openqa.selenium.Keys.ENTER);
        waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains(next));
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /**
     * Waits for a condition, up to the hang guard. An element found while the page is being replaced (a form sent, a
     * redirect followed) goes stale under the condition: that is "not yet", asked again, never a failure.
     */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, NEVER);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Writes a screenshot of the page under {@code target/screenshots/}, numbered in the order taken. */
    public void screenshot(String test, String step) {
        // the page as the user sees it, its Chinese drawn (a screenshot of boxes is a failure, not a picture)
        assertChineseRendered();
        try {
            Path folder = Path.of("target", "screenshots", test);
            if (shots == 0 && Files.isDirectory(folder)) {
                // a new run's pictures only: an earlier run's, numbered otherwise, would read as steps of this one
                try (var old = Files.list(folder)) {
                    for (Path picture : old.toList()) {
                        Files.delete(picture);
                    }
                }
            }
            Files.createDirectories(folder);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, folder.resolve(String.format("%02d-%s.png", ++shots, step)), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core on the page: no violation of WCAG 2.1 A and AA. */
    @SuppressWarnings("unchecked")
    public void assertAccessible() {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        script.executeScript(axe());
        List<Map<String, Object>> violations = (List<Map<String, Object>>) script.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(function (r) { done(r.violations.map(function (v) {"
                        + "  return {id: v.id, help: v.help, nodes: v.nodes.map(function (n) { return n.html; }).slice(0, 3)}; })); })"
                        + ".catch(function (e) { done([{id: 'axe-failed', help: String(e), nodes: []}]); });");
        assertEquals(List.of(), violations, () -> "accessibility violations on " + path());
    }

    /**
     * Opens each path and checks it is in {@code language} (its {@code html lang}) and passes axe-core; an inaccessible
     * page is added to {@code wrong} (so one run lists them all), a page in another language fails at once.
     */
    public void checkPages(String language, List<String> paths, List<String> wrong) {
        for (String path : paths) {
            open(path);
            assertEquals(language, driver.findElement(By.tagName("html")).getAttribute("lang"), path + " in " + language);
            try {
                assertAccessible();
            } catch (AssertionError violation) {
                wrong.add(path + ": " + violation.getMessage());
            }
        }
    }

    private static String axe() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every Chinese character on the page is drawn with a font that has it, not as a box: Chromium reports, per text,
     * which fonts drew how many glyphs; the glyphs drawn by web fonts (ours, or the machine's through {@code local()})
     * must cover the text's Han characters. Without this, a fallback that draws boxes looks like success to every
     * other assertion.
     */
    @SuppressWarnings("unchecked")
    public void assertChineseRendered() {
        ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1]; document.fonts.ready.then(function () { done(); });");
        // mark each element whose own text holds Han characters with their number
        Long marked = (Long) ((JavascriptExecutor) driver).executeScript(
                "var n = 0; document.querySelectorAll('body *').forEach(function (e) {"
                        + "  var han = 0; e.childNodes.forEach(function (c) { if (c.nodeType === 3) { han += (c.data.match(/\\p{Script=Han}/gu) || []).length; } });"
                        + "  if (han > 0 && e.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})) { e.setAttribute('data-han', han); n++; } });"
                        + "return n;");
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("DOM.enable", Map.of());
        chrome.executeCdpCommand("CSS.enable", Map.of());
        Map<String, Object> root = (Map<String, Object>) chrome.executeCdpCommand("DOM.getDocument", Map.of("depth", 0)).get("root");
        List<Long> nodes = (List<Long>) chrome.executeCdpCommand("DOM.querySelectorAll",
                Map.of("nodeId", root.get("nodeId"), "selector", "[data-han]")).get("nodeIds");
        assertEquals(marked.intValue(), nodes.size());
        List<String> boxes = new java.util.ArrayList<>();
        for (Long node : nodes) {
            Map<String, Object> element = (Map<String, Object>) chrome.executeCdpCommand("DOM.describeNode", Map.of("nodeId", node)).get("node");
            List<String> attributes = (List<String>) element.get("attributes");
            int han = Integer.parseInt(attributes.get(attributes.indexOf("data-han") + 1));
            List<Map<String, Object>> fonts = (List<Map<String, Object>>) chrome.executeCdpCommand("CSS.getPlatformFontsForNode",
                    Map.of("nodeId", node)).get("fonts");
            long drawnByWebFonts = fonts.stream().filter(font -> Boolean.TRUE.equals(font.get("isCustomFont")))
                    .mapToLong(font -> ((Number) font.get("glyphCount")).longValue()).sum();
            if (drawnByWebFonts < han) {
                boxes.add(element.get("localName") + " " + fonts);
            }
        }
        assertEquals(List.of(), boxes, () -> "Chinese drawn without a font that has it on " + path());
    }

    /**
     * Makes the page's viewport {@code width}×{@code height} CSS pixels, as a phone ({@code mobile}: the viewport meta
     * tag counts, touch is on) or a desktop window would have it; what a page looks like there is then what it is.
     */
    public void emulate(int width, int height, boolean mobile) {
        viewport = new int[]{width, height};
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
        chrome.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", mobile));
    }

    /**
     * What stops the page from fitting a small screen, one line each: the page scrolling sideways (and what sticks out),
     * a header taller than {@code headerShare} of the viewport (the emulated one: a page too wide makes a phone's
     * browser zoom out, which widens {@code window.innerWidth} with it), a text squeezed narrower than two of its own characters,
     * a control smaller than a 44 px touch target. Empty when it fits.
     */
    @SuppressWarnings("unchecked")
    public List<String> smallScreenFaults(double headerShare) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(SMALL_SCREEN, headerShare, viewport[0], viewport[1]);
    }

    private static final String SMALL_SCREEN = String.join("\n",
            "var share = arguments[0], faults = [], width = arguments[1], height = arguments[2];",
            "function named(e) { return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')",
            "  + ' \"' + (e.textContent || '').trim().slice(0, 30) + '\"'; }",
            "function clipped(e) { for (var a = e.parentElement; a && a !== document.body; a = a.parentElement) {",
            "  var o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') { return true; } } return false; }",
            "if (document.documentElement.scrollWidth > width) {",
            "  var out = Array.from(document.body.querySelectorAll('*')).filter(function (e) { return e.getBoundingClientRect().right > width + 1 && !clipped(e)",
            "    && e.checkVisibility(); }).slice(-3).map(named);",
            "  faults.push('the page scrolls sideways (' + document.documentElement.scrollWidth + ' > ' + width + ' px): ' + out.join(', ')); }",
            "var header = document.querySelector('body > header');",
            "if (header && header.getBoundingClientRect().height > share * height) {",
            "  faults.push('the header is ' + Math.round(header.getBoundingClientRect().height) + ' px of ' + height); }",
            // text clipped away for the eye (a visually hidden legend); an SVG label may be turned on its side
            "function hidden(e) { for (var a = e; a; a = a.parentElement) { if (getComputedStyle(a).clip !== 'auto') { return true; } } return false; }",
            "var ruler = document.createElement('canvas').getContext('2d');",
            "var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);",
            "for (var t = walker.nextNode(); t; t = walker.nextNode()) {",
            "  var text = t.data.trim(), parent = t.parentElement;",
            "  if (Array.from(text).length < 2 || !parent.checkVisibility({visibilityProperty: true}) || parent.closest('.skip, option, svg') || hidden(parent)) { continue; }",
            "  var range = document.createRange(); range.selectNodeContents(t);",
            "  var rects = Array.from(range.getClientRects()); if (rects.length === 0) { continue; }",
            "  var widest = Math.max.apply(null, rects.map(function (r) { return r.width; }));",
            "  var style = getComputedStyle(parent); ruler.font = style.fontStyle + ' ' + style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;",
            "  var two = ruler.measureText(Array.from(text).slice(0, 2).join('')).width;",
            "  if (widest + 1 < two) { faults.push('squeezed narrower than two characters (' + Math.round(widest) + ' px): ' + named(parent)); } }",
            "document.body.querySelectorAll('button, select, textarea, summary, input:not([type=hidden]), header nav a, a[role=button]').forEach(function (e) {",
            "  if (!e.checkVisibility({visibilityProperty: true}) || e.closest('.skip')) { return; }",
            "  var target = (e.type === 'checkbox' || e.type === 'radio') && e.closest('label') ? e.closest('label') : e;",
            "  var box = target.getBoundingClientRect();",
            "  if (box.height < 44 || box.width < 44) { faults.push('a touch target of ' + Math.round(box.width) + '×' + Math.round(box.height) + ' px: ' + named(target)); } });",
            "return faults;");

    /**
     * Clicks what should ask before acting (an irreversible action) and answers the browser's dialog: yes when
     * {@code accept}, else no. Answers the question asked; fails when none is asked. Clicks once the page's scripts
     * have run: an element is there as soon as it is parsed, and a click before confirm.js is attached would send the
     * form without asking (a page just re-rendered after a refusal did, once).
     */
    public String clickAndAnswer(By what, boolean accept) {
        waiting().until(page -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) page).executeScript("return document.readyState")));
        driver.findElement(what).click();
        org.openqa.selenium.Alert dialog = waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        String question = dialog.getText();
        if (accept) {
            dialog.accept();
        } else {
            dialog.dismiss();
        }
        return question;
    }

    /** The session cookie of the browser, to fetch what a browser would save (a PDF) with a plain HTTP client. */
    public String cookieHeader() {
        return String.join("; ", driver.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue()).toList());
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
