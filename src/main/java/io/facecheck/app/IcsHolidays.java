package io.facecheck.app;

import io.facecheck.config.LocalizedMessage;
import io.facecheck.timesheet.Holiday;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holidays in an iCalendar file, read with ical4j: each all-day {@code VEVENT} ({@code DTSTART;VALUE=DATE}) is a
 * holiday named by its {@code SUMMARY}, on every day from {@code DTSTART} up to the exclusive {@code DTEND} (one day
 * when there is none). Timed events are counted and left out; the first event of a date names it.
 */
final class IcsHolidays {
    /** The longest event taken: longer ones are an error in the file rather than a holiday. */
    private static final int MAX_DAYS = 366;

    record Parsed(List<Holiday> holidays, int timedEvents) {
    }

    private IcsHolidays() {
    }

    static Parsed read(Path ics) {
        Calendar cal;
        try (InputStream in = Files.newInputStream(ics)) {
            cal = new CalendarBuilder().build(in);
        } catch (ParserException e) {
            throw new InvalidInput(LocalizedMessage.of("app.ics.invalid", ics.toString(), e.getMessage()), e);
        } catch (IOException e) {
            throw new InvalidInput(LocalizedMessage.of("app.file.unreadable", ics.toString(), e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new InvalidInput(LocalizedMessage.of("app.ics.invalid", ics.toString(), e.getMessage()), e);
        }
        Map<LocalDate, Holiday> byDate = new LinkedHashMap<>();
        int timed = 0;
        List<VEvent> events = cal.getComponents(Component.VEVENT);
        for (VEvent ev : events) {
            Temporal start = date(ev, Property.DTSTART).orElseThrow(() ->
                    InvalidInput.of("app.ics.noStart", ics.toString(), summary(ev)));
            if (!(start instanceof LocalDate first)) {
                timed++;
                continue;
            }
            LocalDate end = date(ev, Property.DTEND).filter(LocalDate.class::isInstance).map(LocalDate.class::cast)
                    .orElse(first.plusDays(1));
            if (!end.isAfter(first) || end.isAfter(first.plusDays(MAX_DAYS))) {
                throw InvalidInput.of("app.ics.badEnd", ics.toString(), summary(ev), first, end);
            }
            for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
                byDate.putIfAbsent(d, new Holiday(d, summary(ev)));
            }
        }
        List<Holiday> out = new ArrayList<>(byDate.values());
        out.sort(java.util.Comparator.comparing(Holiday::date));
        return new Parsed(out, timed);
    }

    private static Optional<Temporal> date(VEvent ev, String property) {
        Optional<DateProperty<Temporal>> p = ev.getProperty(property);
        try {
            return p.map(DateProperty::getDate);
        } catch (RuntimeException e) {
            throw new InvalidInput(LocalizedMessage.of("app.ics.badProperty", property, summary(ev), e.getMessage()), e);
        }
    }

    private static String summary(VEvent ev) {
        Optional<Property> s = ev.getProperty(Property.SUMMARY);
        String name = s.map(Property::getValue).map(String::strip).orElse("");
        return name.isEmpty() ? "holiday" : name;
    }
}
