package io.facecheck.config;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every string a person reads: the message bundles {@code io/facecheck/i18n/messages*.properties} (UTF-8, one key
 * per string) in English, Simplified Chinese ({@code zh-CN}) and Japanese ({@code ja}).
 *
 * <p>The language is the OS locale's unless {@code ui.language} or {@code --lang} says otherwise
 * ({@link #setLocale}); the admin can switch it while the app runs, and listeners ({@link #onChange}) refresh the
 * screens. A key missing from a translation falls back to English (the completeness test keeps that from
 * happening); a key missing from English is a bug and shows as {@code !key!} rather than failing the screen.
 */
public final class Messages {
    /** Where the bundles live. */
    public static final String BUNDLE = "io.facecheck.i18n.messages";
    /** The languages FaceCheck speaks, in the order a language menu lists them. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.JAPANESE);

    private static volatile Locale locale = supportedOrEnglish(SystemLocale.current());
    private static final List<Consumer<Locale>> LISTENERS = new CopyOnWriteArrayList<>();
    private static final Map<Locale, ResourceBundle> OVERRIDES = new ConcurrentHashMap<>();

    private Messages() {
    }

    /** The language now in use. */
    public static Locale locale() {
        return locale;
    }

    /** Switches the language (null: the OS locale's) and tells the listeners. */
    public static void setLocale(Locale wanted) {
        Locale next = wanted == null ? supportedOrEnglish(SystemLocale.current()) : wanted;
        if (!next.equals(locale)) {
            locale = next;
            for (Consumer<Locale> l : LISTENERS) {
                l.accept(next);
            }
        }
    }

    /** Calls {@code listener} after every language switch; returns a handle that removes it. */
    public static Runnable onChange(Consumer<Locale> listener) {
        LISTENERS.add(Objects.requireNonNull(listener));
        return () -> LISTENERS.remove(listener);
    }

    /** The bundle of the current language. */
    public static ResourceBundle bundle() {
        return bundle(locale);
    }

    /** The bundle of {@code l}, falling back to English (never to the JVM's default locale). */
    public static ResourceBundle bundle(Locale l) {
        ResourceBundle generated = OVERRIDES.get(l);
        if (generated != null) {
            return generated;
        }
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The text of {@code key} in the current language, with {@code args} put in ({@link MessageFormat}). */
    public static String get(String key, Object... args) {
        return format(locale, key, args);
    }

    /** The text of {@code key} in {@code l}. */
    public static String format(Locale l, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(l).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        // always through MessageFormat, arguments or not, so that a ' is written '' in every text alike
        return new MessageFormat(pattern, l).format(args);
    }

    /**
     * A {@link java.time.format.DateTimeFormatter} whose pattern is the bundle's text of {@code key} in {@code l}
     * (e.g. {@code yyyy年M月d日(E)}): the word order, era-free year and weekday style differ per language more than
     * the JDK's FormatStyle presets allow, so each translation picks its own pattern. The pattern is the raw text
     * (no {@link MessageFormat} processing), read with {@code l}'s month and weekday names.
     */
    public static java.time.format.DateTimeFormatter dateTimeFormatter(Locale l, String key) {
        String pattern;
        try {
            pattern = bundle(l).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no date pattern " + key + " in the message bundles", e);
        }
        return java.time.format.DateTimeFormatter.ofPattern(pattern, l);
    }

    /**
     * The supported language a tag such as {@code zh-CN}, {@code zh_CN}, {@code ja}, {@code ja-JP} or {@code en}
     * asks for, or an {@link IllegalArgumentException} naming the supported ones.
     */
    public static Locale parse(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("no language given; FaceCheck speaks " + supportedTags());
        }
        Locale asked = Locale.forLanguageTag(tag.strip().replace('_', '-'));
        Locale match = supported(asked);
        if (match == null) {
            throw new IllegalArgumentException("unknown language '" + tag + "'; FaceCheck speaks " + supportedTags());
        }
        return match;
    }

    /** en, zh-CN, ja. */
    public static String supportedTags() {
        List<String> tags = new ArrayList<>();
        for (Locale l : SUPPORTED) {
            tags.add(l.toLanguageTag());
        }
        return String.join(", ", tags);
    }

    /** The supported language closest to {@code l} (Chinese means Simplified Chinese), or English. */
    public static Locale supportedOrEnglish(Locale l) {
        Locale match = supported(l);
        return match == null ? Locale.ENGLISH : match;
    }

    private static Locale supported(Locale l) {
        return switch (l.getLanguage()) {
            case "en" -> Locale.ENGLISH;
            case "zh" -> Locale.SIMPLIFIED_CHINESE;
            case "ja" -> Locale.JAPANESE;
            default -> null;
        };
    }

    /**
     * For tests: serves {@code generated} as the bundle of exactly {@code l} (null: no longer), so that a test can run
     * the screens in a language made at test time. The pseudo-localisation test makes one ({@code en-XA}) whose
     * every text is marked and lengthened, to find words that do not come from the bundles and words that do not
     * fit. The shipped languages are the properties files, never this.
     */
    public static void overrideBundle(Locale l, ResourceBundle generated) {
        if (generated == null) {
            OVERRIDES.remove(l);
        } else {
            OVERRIDES.put(l, generated);
        }
    }

    /** The keys of the English bundle (the reference every translation must match). */
    public static List<String> keys() {
        List<String> keys = Collections.list(bundle(Locale.ENGLISH).getKeys());
        Collections.sort(keys);
        return keys;
    }
}
