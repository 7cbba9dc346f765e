package tw.training.evidence.storage;

/**
 * An uploaded file's name, kept only as metadata: path parts and control characters removed, Chinese and
 * every other printable character kept, at most 255 characters. Storage keys never derive from it.
 */
public final class FileNames {

    private static final int MAX = 255;

    private FileNames() {
    }

    public static String safe(String original) {
        String name = original == null ? "" : original;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        name = name.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            return "file";
        }
        return name.codePointCount(0, name.length()) <= MAX ? name : name.substring(0, name.offsetByCodePoints(0, MAX));
    }
}
