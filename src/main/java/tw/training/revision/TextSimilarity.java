package tw.training.revision;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * How alike two texts of a competency document are, from 0 (nothing in common) to 1 (the same): the Sørensen–Dice
 * coefficient of their character bigrams, the texts first normalised (NFKC, so full-width and half-width forms are one;
 * lower case; punctuation, symbols and spaces removed). Chinese is not written with spaces, so words are not at hand,
 * but two characters side by side mostly are one: "the share of two-character sequences the texts have in common" is a
 * measure a reviewer can check by eye, and a reworded sentence keeps most of them while a different one keeps few.
 */
final class TextSimilarity {

    private TextSimilarity() {
    }

    static double of(String a, String b) {
        Map<String, Integer> left = bigrams(normalised(a));
        Map<String, Integer> right = bigrams(normalised(b));
        int total = count(left) + count(right);
        if (total == 0) {
            return normalised(a).equals(normalised(b)) ? 1 : 0;
        }
        int shared = 0;
        for (Map.Entry<String, Integer> bigram : left.entrySet()) {
            shared += Math.min(bigram.getValue(), right.getOrDefault(bigram.getKey(), 0));
        }
        return 2.0 * shared / total;
    }

    /** The text as compared: compatibility forms folded, lower case, only letters and digits kept. */
    static String normalised(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** Each pair of adjacent characters (code points), with how often it occurs; a one-character text is its own. */
    private static Map<String, Integer> bigrams(String text) {
        Map<String, Integer> bigrams = new HashMap<>();
        int[] points = text.codePoints().toArray();
        if (points.length == 1) {
            bigrams.put(text, 1);
        }
        for (int i = 0; i + 1 < points.length; i++) {
            bigrams.merge(new String(points, i, 2), 1, Integer::sum);
        }
        return bigrams;
    }

    private static int count(Map<String, Integer> bigrams) {
        return bigrams.values().stream().mapToInt(Integer::intValue).sum();
    }
}
