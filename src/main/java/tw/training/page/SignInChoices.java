package tw.training.page;

import java.util.List;
import java.util.Locale;

/**
 * What the sign-in page offers besides its own form: a button per institution's provider (feature {@code sso}), and
 * whether the password form shows beneath them. Declared here so the page needs no feature; a feature implements it.
 */
public interface SignInChoices {

    /** A provider's button: where it goes (with the page to return to) and its words in the page's language. */
    record Button(String href, String label) {
    }

    List<Button> buttons(Locale language, String next);

    /** Whether the password form shows under the buttons; when not, a link still opens it (for local accounts). */
    boolean passwordForm();
}
