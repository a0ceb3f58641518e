package io.facecheck.ui;

import io.facecheck.config.Messages;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The screens' side of {@link Messages}: texts as JavaFX bindings that re-render when the language is switched
 * ({@link Messages#setLocale}), so a running kiosk or admin screen changes language without being rebuilt.
 *
 * <p>Bind a control's text to {@link #text(String, Object...)}; where a view model decides <em>which</em> text to
 * show (a banner, an error), it holds a {@link Text} (key and arguments, not the words) in an observable and the
 * view binds {@link #text(ObservableValue)}. The language switch reaches the bindings on the FX thread. The
 * bindings observe the language weakly (JavaFX bindings do), so a screen that is dropped is not kept alive.
 */
public final class I18n {
    private static final ReadOnlyObjectWrapper<Locale> LOCALE = new ReadOnlyObjectWrapper<>(Messages.locale());

    static {
        Messages.onChange(l -> onFxThread(() -> {
            LOCALE.set(Messages.locale());
            // a property that nobody read since it changed stays invalid and tells no one of the next change: read
            // it, so that every switch reaches the bindings (the second switch went unseen without this)
            LOCALE.get();
        }));
    }

    private I18n() {
    }

    /**
     * A text to show: a bundle key and its arguments, rendered in whatever language is current; or, with no key,
     * words that are the same in every language (a person's name: {@link #verbatim}).
     */
    public record Text(String key, List<Object> args) {
        /** No text (renders as the empty string). */
        public static final Text NONE = new Text(null, List.of());

        public Text {
            args = List.copyOf(args);
        }

        public static Text of(String key, Object... args) {
            return new Text(java.util.Objects.requireNonNull(key, "key"), Arrays.asList(args));
        }

        /** Words shown as they are in every language (a name, a file path); null or empty: {@link #NONE}. */
        public static Text verbatim(String words) {
            return words == null || words.isEmpty() ? NONE : new Text(null, List.of(words));
        }

        /** The words in the current language. */
        public String get() {
            return in(Messages.locale());
        }

        /** The words in {@code locale}. */
        public String in(Locale locale) {
            if (key == null) {
                return args.isEmpty() ? "" : String.valueOf(args.get(0));
            }
            // an argument that is itself a Text (the name of a field in a message about it) speaks the same language
            return Messages.format(locale, key, args.stream().map(a -> a instanceof Text t ? t.in(locale) : a).toArray());
        }

        public boolean isEmpty() {
            return key == null && args.isEmpty();
        }
    }

    /** The language in use, changed on the FX thread after {@link Messages#setLocale}. */
    public static ReadOnlyObjectProperty<Locale> locale() {
        return LOCALE.getReadOnlyProperty();
    }

    /** The text of {@code key} with {@code args}, following the language. */
    public static StringBinding text(String key, Object... args) {
        Text t = Text.of(key, args);
        return Bindings.createStringBinding(() -> t.in(LOCALE.get()), LOCALE);
    }

    /** Whatever {@link Text} {@code text} holds (null: empty), following the text and the language. */
    public static StringBinding text(ObservableValue<Text> text) {
        return Bindings.createStringBinding(() -> {
            Locale l = LOCALE.get();
            return text.getValue() == null ? "" : text.getValue().in(l);
        }, text, LOCALE);
    }

    /**
     * A string computed by {@code compute} (which reads {@link Messages} or the {@link #locale()}, e.g. a date
     * formatted for the language), recomputed when the language or any of {@code dependencies} changes.
     */
    public static StringBinding format(Callable<String> compute, Observable... dependencies) {
        Observable[] deps = Arrays.copyOf(dependencies, dependencies.length + 1);
        deps[dependencies.length] = LOCALE;
        return Bindings.createStringBinding(() -> {
            LOCALE.get();
            return compute.call();
        }, deps);
    }

    private static void onFxThread(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
            return;
        }
        try {
            Platform.runLater(r);
        } catch (IllegalStateException toolkitNotRunning) {
            r.run(); // no FX toolkit: no screen to refresh, nothing to race with
        }
    }
}
