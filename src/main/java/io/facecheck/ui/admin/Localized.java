package io.facecheck.ui.admin;

import io.facecheck.config.Messages;
import io.facecheck.ui.I18n;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.skin.DatePickerSkin;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.function.Function;

/**
 * The admin screens' small helpers for words that follow the language ({@link I18n}): table columns whose header and
 * cells re-render on a language switch, choice boxes whose items do, and the screens' date and time formats (from
 * the bundles, {@code admin.common.format.*}, so each language writes dates its own way).
 */
public final class Localized {
    /** Room a column header needs beyond its text: the header's padding and the sort arrow. */
    private static final double HEADER_PADDING = 24;

    private Localized() {
    }

    /** A label showing the bundle's text of {@code key}. */
    public static Label label(String key, Object... args) {
        Label l = new Label();
        l.textProperty().bind(I18n.text(key, args));
        return l;
    }

    /**
     * A button labelled with the bundle's text of {@code key}, never narrower than its words (a longer translation
     * makes its bar wrap rather than cut the button's text off).
     */
    public static Button button(String key, Object... args) {
        Button b = new Button();
        b.textProperty().bind(I18n.text(key, args));
        b.setMinWidth(Button.USE_PREF_SIZE);
        return b;
    }

    /**
     * A dialog's Cancel button in the current language. JavaFX's own {@code ButtonType.CANCEL} took its words from
     * the JVM's locale once, when the class was loaded, so it would not follow a language switch.
     */
    public static ButtonType cancel() {
        return new ButtonType(Messages.get("admin.common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /**
     * A column headed by {@code key}'s text whose cells show {@code value}, both re-rendered on a language switch;
     * {@code width} wide, but never narrower than its header in the current language.
     */
    public static <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>();
        c.textProperty().bind(I18n.text(key));
        c.setCellValueFactory(cd -> {
            T row = cd.getValue();
            return I18n.format(() -> value.apply(row));
        });
        c.setPrefWidth(width);
        c.minWidthProperty().bind(c.textProperty().map(Localized::headerWidth));
        return c;
    }

    /** What a column header needs for {@code header}: the text, its padding and the sort arrow. */
    private static double headerWidth(String header) {
        return Math.ceil(new Text(header == null ? "" : header).getLayoutBounds().getWidth()) + HEADER_PADDING;
    }

    /** Shows a choice box's items as {@code words} gives them, and shows them again after a language switch. */
    public static <T> void choices(ChoiceBox<T> box, Function<T, String> words) {
        Runnable set = () -> box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : words.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        set.run();
        InvalidationListener l = o -> set.run();
        // held by the box, observed weakly: a dropped screen is not kept alive by the language
        box.getProperties().put(Localized.class, l);
        I18n.locale().addListener(new WeakInvalidationListener(l));
    }

    /**
     * Makes a date picker follow the language: its text in the language's medium date style, and its calendar's
     * month and weekday names and first day of the week. The calendar is built by the picker's skin from the JVM's
     * default FORMAT locale when the popup is first shown, so that locale is set to the language and, after a switch,
     * the picker gets a fresh skin (a calendar already built would keep the old words).
     */
    public static DatePicker datePicker(DatePicker p) {
        Runnable set = () -> {
            useFormatLocale();
            Locale l = Messages.locale();
            DateTimeFormatter f = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l);
            p.setConverter(new StringConverter<>() {
                @Override
                public String toString(LocalDate d) {
                    return d == null ? "" : f.format(d);
                }

                @Override
                public LocalDate fromString(String s) {
                    return s == null || s.isBlank() ? null : LocalDate.parse(s.strip(), f);
                }
            });
        };
        set.run();
        onSwitch(p, () -> {
            set.run();
            if (p.getSkin() != null) {
                p.setSkin(new DatePickerSkin(p));
            }
        });
        return p;
    }

    /**
     * Sets the JVM's default FORMAT locale to the language, which the JavaFX controls that format by themselves
     * (the date picker's calendar) read.
     */
    public static void useFormatLocale() {
        Locale.setDefault(Locale.Category.FORMAT, Messages.locale());
    }

    /** Runs {@code r} after every language switch while {@code owner} lives (it holds the listener). */
    public static void onSwitch(Node owner, Runnable r) {
        InvalidationListener l = o -> r.run();
        owner.getProperties().put(new Object(), l);
        I18n.locale().addListener(new WeakInvalidationListener(l));
    }

    /** A date: 3 Mar 2026 (Mon), 2026年3月2日 周一, 2026年3月2日(月). */
    public static String date(TemporalAccessor t) {
        return format("admin.common.format.date", t);
    }

    /** A time of day: 17:30. */
    public static String time(TemporalAccessor t) {
        return format("admin.common.format.time", t);
    }

    /** A date and time to the second (audit log, kiosks). */
    public static String dateTime(TemporalAccessor t) {
        return format("admin.common.format.date-time", t);
    }

    /** A day as a chart's category: 2 Mar, 3月2日, 3/2. */
    public static String shortDate(TemporalAccessor t) {
        return format("admin.common.format.short-date", t);
    }

    /** Hours from minutes, with two decimals in the language's digits and separator. */
    public static String hours(int minutes) {
        return String.format(Messages.locale(), "%.2f", minutes / 60.0);
    }

    private static String format(String key, TemporalAccessor t) {
        DateTimeFormatter f = Messages.dateTimeFormatter(Messages.locale(), key);
        return f.format(t);
    }
}
