package io.facecheck.config;

import java.util.Locale;

/**
 * A message kept as its bundle key and arguments rather than as text, so that an exception thrown deep in the
 * engine or the store can be read in English in the logs ({@link #english}) and in the user's language where a
 * person reads it ({@link #localized}, what {@link Throwable#getLocalizedMessage} returns for the exceptions
 * that carry one).
 */
public record LocalizedMessage(String key, Object... args) {

    public static LocalizedMessage of(String key, Object... args) {
        return new LocalizedMessage(key, args);
    }

    /** The text in English: the one exceptions keep as their message, for logs and for code that matches it. */
    public String english() {
        return in(Locale.ENGLISH);
    }

    /** The text in the language now in use ({@link Messages#locale}). */
    public String localized() {
        return in(Messages.locale());
    }

    /** The text in {@code l}; an argument that is itself a {@link LocalizedMessage} is put in in {@code l} too. */
    public String in(Locale l) {
        Object[] resolved = args.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof LocalizedMessage m) {
                resolved[i] = m.in(l);
            }
        }
        return Messages.format(l, key, resolved);
    }
}
