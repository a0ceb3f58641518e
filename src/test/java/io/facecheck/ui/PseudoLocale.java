package io.facecheck.ui;

import io.facecheck.config.Messages;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * A language made at test time from the English bundle, in which every text is marked and longer: "Settings"
 * becomes {@code [!! Šéţţîñĝš ~~~ !!]}. A screen shown in it shows, without the marker, only words that do not
 * come from the bundles (hard-coded), and, cut off, words that do not fit when a translation is longer than
 * English (German and Finnish are often 30 to 40 % longer).
 *
 * <p>MessageFormat texts keep their placeholders and quoted parts as they are. Texts that are
 * {@link java.time.format.DateTimeFormatter} patterns (such as {@code d MMM yyyy}) keep their pattern letters, the
 * marker added as quoted literal text, so they still format dates.
 */
final class PseudoLocale {
    /** The pseudo-locale's tag: en-XA, as Android and Chromium name theirs. */
    static final Locale LOCALE = Locale.forLanguageTag("en-XA");
    static final String OPEN = "[!!";
    static final String CLOSE = "!!]";

    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ACCENTED = "áƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
    /** Letters as a date pattern has them: runs of one pattern letter (yyyy, MMM, d, EEE, HH, mm, ss). */
    private static final Pattern DATE_PATTERN_WORD = Pattern.compile("([yMdEHhms])\\1*");
    private static final Pattern ASCII_WORD = Pattern.compile("[A-Za-z]+");

    private PseudoLocale() {
    }

    /** Makes the pseudo-locale's bundle from the English one and has {@link Messages} serve it for {@link #LOCALE}. */
    static void install() {
        ResourceBundle en = Messages.bundle(Locale.ENGLISH);
        Map<String, String> texts = new HashMap<>();
        for (String key : Messages.keys()) {
            texts.put(key, pseudo(en.getString(key)));
        }
        Messages.overrideBundle(LOCALE, new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return texts.get(key);
            }

            @Override
            public Enumeration<String> getKeys() {
                return Collections.enumeration(texts.keySet());
            }
        });
    }

    static void uninstall() {
        Messages.overrideBundle(LOCALE, null);
    }

    /** Whether {@code text} carries the marker (it came, at least in part, from the bundles). */
    static boolean marked(String text) {
        return text.contains(OPEN) || text.contains(CLOSE);
    }

    /** The pseudo text of an English bundle text. */
    static String pseudo(String english) {
        if (english.isEmpty()) {
            return english;
        }
        if (isDatePattern(english)) {
            return "'" + OPEN + " '" + english + "' " + padding(english) + " " + CLOSE + "'";
        }
        return OPEN + " " + accented(english) + " " + padding(english) + " " + CLOSE;
    }

    /** About a third longer: one ~ for every three characters. */
    private static String padding(String english) {
        return "~".repeat(Math.max(2, (int) Math.ceil(english.length() * 0.35)));
    }

    /** Latin letters accented; {@code {placeholders}} and {@code 'quoted'} parts of a MessageFormat kept. */
    private static String accented(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'' && depth == 0) {
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && c == '{') {
                depth++;
                out.append(c);
            } else if (!quoted && c == '}' && depth > 0) {
                depth--;
                out.append(c);
            } else {
                int at = PLAIN.indexOf(c);
                out.append(depth == 0 && !quoted && at >= 0 ? ACCENTED.charAt(at) : c);
            }
        }
        return out.toString();
    }

    /** A text with no MessageFormat argument whose every Latin word is a run of one date pattern letter. */
    private static boolean isDatePattern(String text) {
        if (text.contains("{") || text.contains("'")) {
            return false;
        }
        var words = ASCII_WORD.matcher(text);
        boolean any = false;
        while (words.find()) {
            if (!DATE_PATTERN_WORD.matcher(words.group()).matches()) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
