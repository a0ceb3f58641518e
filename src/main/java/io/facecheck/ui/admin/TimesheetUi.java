package io.facecheck.ui.admin;

import io.facecheck.config.Messages;
import io.facecheck.ui.I18n;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;

/**
 * The pieces the timesheet pages (Schedules, Holidays &amp; leave, Today, the Attendance page's timesheet) are made
 * of, each bound to the message bundles so that a language switch re-renders it: labels, buttons, prompts, column
 * headers, choice boxes, and the dates, weekdays and hours of the current language.
 */
final class TimesheetUi {
    /**
     * The style class of nodes that show data (names, codes, shift and leave-type names) rather than words of the
     * screen; the pseudo-localisation test exempts them.
     */
    static final String DATA = "data";
    /** Room a column header needs beyond its text: the header's padding and the sort arrow. */
    private static final double HEADER_PADDING = 24;

    private TimesheetUi() {
    }

    static Label label(String key, Object... args) {
        Label l = new Label();
        l.textProperty().bind(I18n.text(key, args));
        l.setMinWidth(Label.USE_PREF_SIZE); // a form label shows its words whole; the form wraps instead
        return l;
    }

    static Label title(String key) {
        Label l = label(key);
        l.getStyleClass().add("section-title");
        return l;
    }

    static Button button(String id, String key) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(I18n.text(key));
        b.setMinWidth(Button.USE_PREF_SIZE);
        return b;
    }

    static TextField field(String id, String promptKey, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.promptTextProperty().bind(I18n.text(promptKey));
        f.setPrefWidth(width);
        return f;
    }

    static FlowPane form(Node... nodes) {
        FlowPane p = new FlowPane(8, 6, nodes);
        p.setAlignment(Pos.CENTER_LEFT);
        p.setPadding(new Insets(4, 0, 4, 0));
        return p;
    }

    /**
     * A column headed by the text of {@code key}, at least as wide as its header in the current language; its cells
     * show {@code value} (which may read {@link Messages}: see {@link #rerenderOnLanguageSwitch}).
     */
    static <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = EmployeesView.col("", value, width);
        c.textProperty().bind(I18n.text(key));
        c.minWidthProperty().bind(I18n.format(() -> c.getText()).map(TimesheetUi::headerWidth));
        return c;
    }

    private static double headerWidth(String header) {
        return Math.ceil(new Text(header).getLayoutBounds().getWidth()) + HEADER_PADDING;
    }

    /**
     * Redraws the cells of {@code tables} after a language switch (their values are computed when a cell is drawn:
     * weekdays, statuses, units). The listener lives as long as the first table does, not as long as the language.
     */
    static void rerenderOnLanguageSwitch(TableView<?>... tables) {
        ChangeListener<Locale> refresh = (o, was, now) -> {
            for (TableView<?> t : tables) {
                t.refresh();
            }
        };
        tables[0].getProperties().put(TimesheetUi.class, refresh);
        I18n.locale().addListener(new WeakChangeListener<>(refresh));
    }

    /** Shows each item of {@code box} as {@code words} gives it in the current language. */
    static <T> void localize(ChoiceBox<T> box, Function<T, String> words) {
        Runnable set = () -> box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : words.apply(item);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("a choice box is not edited");
            }
        });
        set.run();
        ChangeListener<Locale> again = (o, was, now) -> set.run();
        box.getProperties().put(TimesheetUi.class, again);
        I18n.locale().addListener(new WeakChangeListener<>(again));
    }

    /**
     * The weekday's short name in the current language (Mon, 周一, 月): the JDK's name, through a pattern of the
     * bundle ({@code timesheet.weekday}) so that each language picks the style.
     */
    static String weekday(DayOfWeek d) {
        return Messages.dateTimeFormatter(Messages.locale(), "timesheet.weekday").format(d);
    }

    /** A date as the current language writes it, short (2 Mar 2026, 2026年3月2日). */
    static String date(LocalDate d) {
        return d == null ? "" : Messages.dateTimeFormatter(Messages.locale(), "timesheet.date").format(d);
    }

    /** A date with its weekday (Mon 2 Mar 2026, 2026年3月2日 周一, 2026年3月2日(月)). */
    static String dateWithWeekday(LocalDate d) {
        return d == null ? "" : Messages.dateTimeFormatter(Messages.locale(), "timesheet.date.weekday").format(d);
    }

    /** Minutes as decimal hours with two decimals, in the current language's digits and separator. */
    static String hours(int minutes) {
        return String.format(Messages.locale(), "%.2f", minutes / 60.0);
    }

    /** A number as the current language writes it. */
    static String decimal(double value) {
        return String.format(Messages.locale(), "%.2f", value);
    }
}
