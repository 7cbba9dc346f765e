package tw.training.certificate;

/**
 * Masks a name for the public verification page: enough for someone holding the certificate to recognise it
 * (王小明 → 王*明, Alice Chen → A***e C**n), too little to learn who took a course.
 */
final class NameMask {

    private NameMask() {
    }

    static String mask(String name) {
        StringBuilder masked = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            int[] chars = part.codePoints().toArray();
            if (chars.length <= 2) {
                masked.appendCodePoint(chars[0]).append("*".repeat(chars.length - 1));
            } else {
                masked.appendCodePoint(chars[0]).append("*".repeat(chars.length - 2)).appendCodePoint(chars[chars.length - 1]);
            }
        }
        return masked.toString();
    }
}
