package tw.training.testing;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Without a browser the page tests are skipped on a developer's machine, and fail under CI=true: never a silent pass there. */
class BrowserRequirementTest {

    private static final Path NOWHERE = Path.of("/nonexistent/chromium");

    @Test
    void aMissingBrowserFailsUnderCi() {
        assertThrows(AssertionFailedError.class, () -> Browser.requireInstalled(NOWHERE, NOWHERE, "true"));
    }

    @Test
    void aMissingBrowserSkipsElsewhere() {
        assertThrows(TestAbortedException.class, () -> Browser.requireInstalled(NOWHERE, NOWHERE, null));
        assertThrows(TestAbortedException.class, () -> Browser.requireInstalled(NOWHERE, NOWHERE, "false"));
    }
}
