package io.facecheck.store;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;

/**
 * How lists of employees are sorted and searched in a language: by the language's collation ({@link Collator}:
 * pinyin order for Chinese, gojūon order for Japanese kana) of the sort key, which is the employee's reading
 * (ふりがな or pinyin) when one is given and the name otherwise, since a Japanese name in kanji has no order of its own
 * that people expect. The admin screens and the command line share it so that both list people alike.
 */
public final class EmployeeOrder {
    private EmployeeOrder() {
    }

    /** What an employee is sorted by: the reading if given, else the name. */
    public static String sortKey(Employee e) {
        String r = e.reading();
        return r == null || r.isBlank() ? e.name() : r.strip();
    }

    /** Employees in {@code locale}'s order of their sort keys, then by code (two people may share a name). */
    public static Comparator<Employee> comparator(Locale locale) {
        Comparator<String> words = names(locale);
        return Comparator.comparing(EmployeeOrder::sortKey, words).thenComparing(Employee::code);
    }

    /** Strings (names, readings) in {@code locale}'s collation; case and width differences come after the letters. */
    public static Comparator<String> names(Locale locale) {
        Collator c = Collator.getInstance(locale);
        c.setStrength(Collator.TERTIARY);
        return (a, b) -> c.compare(a == null ? "" : a, b == null ? "" : b);
    }

    /**
     * Whether {@code e} matches what was typed in a search box: a part of the code, name, reading or department,
     * ignoring case, full-width/half-width forms (what an IME may produce) and, for kana, katakana against hiragana.
     */
    public static boolean matches(Employee e, String query, Locale locale) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = fold(query.strip(), locale);
        return contains(e.code(), q, locale) || contains(e.name(), q, locale) || contains(e.reading(), q, locale)
                || contains(e.department(), q, locale);
    }

    private static boolean contains(String field, String foldedQuery, Locale locale) {
        return field != null && fold(field, locale).contains(foldedQuery);
    }

    /** NFKC (full-width Latin and digits to ASCII, half-width kana to full-width), lower case, katakana as hiragana. */
    static String fold(String s, Locale locale) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(locale);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char ch = n.charAt(i);
            b.append(ch >= '\u30A1' && ch <= '\u30F6' ? (char) (ch - 0x60) : ch);
        }
        return b.toString();
    }
}
