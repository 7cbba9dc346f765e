package tw.training.catalogue.parsing;

/** 一 … 九十九, as units number their task groups and items (一、二、… 十四、). */
final class ChineseNumeral {

    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumeral() {
    }

    /** The value of a numeral like 十四 or 二十一, or -1 when it is not one. */
    static int value(String numeral) {
        if (numeral.isEmpty()) {
            return -1;
        }
        int ten = numeral.indexOf('十');
        if (ten < 0) {
            return numeral.length() == 1 ? DIGITS.indexOf(numeral.charAt(0)) : -1;
        }
        int tens = ten == 0 ? 1 : digit(numeral.substring(0, ten));
        int ones = ten == numeral.length() - 1 ? 0 : digit(numeral.substring(ten + 1));
        return tens < 1 || ones < 0 ? -1 : tens * 10 + ones;
    }

    private static int digit(String text) {
        return text.length() == 1 ? DIGITS.indexOf(text.charAt(0)) : -1;
    }
}
