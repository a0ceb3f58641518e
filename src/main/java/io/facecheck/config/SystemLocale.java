package io.facecheck.config;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The language the operating system asks for, read from the POSIX variables as {@code gettext} reads them
 * ({@code LANGUAGE}, then {@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG}). The JVM's own default locale is not
 * enough: it comes from {@code setlocale}, which falls back to {@code C} (English) whenever the named locale is not
 * generated on the machine, and a fresh Debian or a container generates none: there {@code LANG=ja_JP.UTF-8}
 * still means Japanese to the user. Without any of these variables, the JVM's default (a Windows or macOS
 * desktop, {@code -Duser.language}).
 */
public final class SystemLocale {
    private SystemLocale() {
    }

    /** The language of this process's environment. */
    public static Locale current() {
        return of(System::getenv, Locale.getDefault());
    }

    /** The language {@code env} asks for, or {@code fallback} when it names none. */
    static Locale of(UnaryOperator<String> env, Locale fallback) {
        String posix = firstSet(env, "LC_ALL", "LC_MESSAGES", "LANG");
        if (posix == null) {
            return fallback;
        }
        if (isPlainC(posix)) {
            // gettext ignores LANGUAGE under the C locale: a service or a cron job speaks English
            return Locale.ENGLISH;
        }
        String language = env.apply("LANGUAGE");
        if (language != null) {
            for (String entry : language.split(":")) {
                Locale l = parse(entry);
                if (l != null && Messages.SUPPORTED.stream().anyMatch(s -> s.getLanguage().equals(l.getLanguage()))) {
                    return l;
                }
            }
        }
        Locale l = parse(posix);
        return l == null ? fallback : l;
    }

    /** For tests: the language of a given set of variables. */
    static Locale of(Map<String, String> env, Locale fallback) {
        return of(env::get, fallback);
    }

    private static String firstSet(UnaryOperator<String> env, String... names) {
        for (String n : names) {
            String v = env.apply(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static boolean isPlainC(String posix) {
        String name = posix.split("[.@]", 2)[0];
        return name.equals("C") || name.equals("POSIX");
    }

    /** {@code ja_JP.UTF-8}, {@code zh_CN.GB18030@x}, {@code en}: language and country; null for nothing usable. */
    private static Locale parse(String posix) {
        String name = posix.strip().split("[.@]", 2)[0];
        if (name.isEmpty() || isPlainC(name)) {
            return null;
        }
        String[] parts = name.split("_", 2);
        if (!parts[0].matches("[A-Za-z]{2,8}")) {
            return null;
        }
        return parts.length == 2 && parts[1].matches("[A-Za-z]{2}|[0-9]{3}")
                ? new Locale(parts[0].toLowerCase(Locale.ROOT), parts[1].toUpperCase(Locale.ROOT))
                : new Locale(parts[0].toLowerCase(Locale.ROOT));
    }
}
