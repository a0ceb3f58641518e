package io.facecheck.app;

import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;
import io.facecheck.store.HolidayRepository;
import io.facecheck.timesheet.Holiday;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The holiday calendar: add one, or import an iCalendar file as governments and Google publish them; audited. */
public final class HolidayService {
    /** What an import did: holidays added, dates already in the calendar, timed (not all-day) events ignored. */
    public record ImportResult(List<Holiday> added, List<Holiday> alreadyThere, int timedEventsIgnored) {
    }

    private final Database db;
    private final HolidayRepository holidays;
    private final AuditLog audit;

    public HolidayService(Database db) {
        this.db = db;
        this.holidays = new HolidayRepository(db);
        this.audit = new AuditLog(db);
    }

    /** Adds a holiday; {@code CONFLICT} when the date already is one. */
    public Holiday add(LocalDate date, String name, String actor) {
        return db.inTransaction(c -> {
            Holiday h = holidays.add(new Holiday(date, name));
            audit.record(actor, AuditLog.HOLIDAY, date.toString(), "before: none; after: " + h.name());
            return h;
        });
    }

    /** Holidays dated {@code from..to} (inclusive), by date. */
    public List<Holiday> between(LocalDate from, LocalDate to) {
        return holidays.between(from, to);
    }

    /** Removes the holiday of {@code date}; {@code NOT_FOUND} when there is none. Audited with what it was. */
    public Holiday remove(LocalDate date, String actor) {
        return db.inTransaction(c -> {
            Holiday h = holidays.remove(date).orElseThrow(() -> new io.facecheck.store.StoreException(
                    io.facecheck.store.StoreException.Kind.NOT_FOUND, date + " is not a holiday"));
            audit.record(actor, AuditLog.HOLIDAY_REMOVE, date.toString(), "before: " + h.name() + "; after: none");
            return h;
        });
    }

    /**
     * Imports the all-day events of {@code ics} (an event over several days gives each of its days), in one
     * transaction. A date already in the calendar keeps its name.
     *
     * @throws InvalidInput when the file is not iCalendar
     */
    public ImportResult importIcs(Path ics, String actor) {
        IcsHolidays.Parsed parsed = IcsHolidays.read(ics);
        return db.inTransaction(c -> {
            List<Holiday> added = new ArrayList<>();
            List<Holiday> there = new ArrayList<>();
            for (Holiday h : parsed.holidays()) {
                if (holidays.find(h.date()).isPresent()) {
                    there.add(h);
                } else {
                    added.add(holidays.add(h));
                }
            }
            StringBuilder details = new StringBuilder("import " + ics.getFileName() + ": " + added.size() + " added, "
                    + there.size() + " already there; added:");
            added.forEach(h -> details.append(' ').append(h.date()).append(' ').append(h.name()).append(';'));
            audit.record(actor, AuditLog.HOLIDAY, ics.getFileName().toString(), details.toString());
            return new ImportResult(added, there, parsed.timedEvents());
        });
    }
}
