package tw.training.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mail the outbox keeps (mail is off in tests), read as the person it was sent to would: the newest, its link, its code. */
public final class SentMail {

    private static final Pattern THIRD_PARTY_LINK = Pattern.compile("/third-party/([A-Za-z0-9_-]{43})");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private SentMail() {
    }

    /** The text of the newest mail to {@code address}. */
    public static String newestTo(RowCounts rows, String address) {
        return rows.single("SELECT text_body FROM mail_message WHERE to_address = '" + address + "' ORDER BY mail_id DESC FETCH FIRST 1 ROWS ONLY");
    }

    /** The token of the third-party report link in the newest mail to {@code address}. */
    public static String thirdPartyToken(RowCounts rows, String address) {
        return find(THIRD_PARTY_LINK, newestTo(rows, address), "a third-party link");
    }

    /** The six-digit code in the newest mail to {@code address}. */
    public static String code(RowCounts rows, String address) {
        return find(CODE, newestTo(rows, address), "a six-digit code");
    }

    private static String find(Pattern pattern, String text, String what) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), what + " in the mail: " + text);
        return matcher.group(1);
    }
}
