package io.facecheck.cli;

/**
 * Text laid out in a terminal's columns, where {@code %-30s} counts characters but a terminal shows East Asian wide
 * and full-width characters (王, や, Ａ) in two columns and combining marks in none: padding by this width keeps a
 * column of CJK names aligned with the Latin ones. The ranges are those of Unicode's East Asian Width W and F
 * (UAX #11), as wcwidth uses them; ambiguous-width characters count as one, as terminals outside CJK locales show them.
 */
final class DisplayWidth {
    private DisplayWidth() {
    }

    /** The columns {@code s} takes in a terminal. */
    static int of(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += columns(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** {@code s} followed by spaces up to {@code columns} (unchanged when it is already as wide). */
    static String padRight(String s, int columns) {
        return s + " ".repeat(Math.max(0, columns - of(s)));
    }

    /** Spaces then {@code s}, {@code columns} wide in all (for numbers and their headings). */
    static String padLeft(String s, int columns) {
        return " ".repeat(Math.max(0, columns - of(s))) + s;
    }

    static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || type == Character.CONTROL) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    private static boolean wide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115F                    // Hangul Jamo initials
                || cp >= 0x2E80 && cp <= 0x303E                 // CJK radicals .. CJK symbols (U+3000 included)
                || cp >= 0x3041 && cp <= 0x33FF                 // kana, bopomofo, CJK compatibility
                || cp >= 0x3400 && cp <= 0x4DBF                 // CJK extension A
                || cp >= 0x4E00 && cp <= 0x9FFF                 // CJK unified ideographs
                || cp >= 0xA000 && cp <= 0xA4CF                 // Yi
                || cp >= 0xAC00 && cp <= 0xD7A3                 // Hangul syllables
                || cp >= 0xF900 && cp <= 0xFAFF                 // CJK compatibility ideographs
                || cp >= 0xFE30 && cp <= 0xFE4F                 // CJK compatibility forms
                || cp >= 0xFF00 && cp <= 0xFF60                 // full-width forms
                || cp >= 0xFFE0 && cp <= 0xFFE6                 // full-width signs
                || cp >= 0x1F300 && cp <= 0x1F64F               // emoji pictographs
                || cp >= 0x1F900 && cp <= 0x1F9FF
                || cp >= 0x20000 && cp <= 0x3FFFD);             // CJK extensions B..
    }
}
