package io.facecheck.cli;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Option values as the timesheet commands read them, each bad value refused with exit 1 naming the option. */
final class CliValues {
    private CliValues() {
    }

    static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw CliException.of(ExitCodes.FAILURE, "cli.error.badDate", option, value);
        }
    }

    static LocalTime time(String option, String value) {
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw CliException.of(ExitCodes.FAILURE, "cli.error.badTime", option, value);
        }
    }

    /** An instant with its offset: {@code 2026-03-02T08:55:00Z} or {@code 2026-03-02T09:55:00+01:00}. */
    static Instant instant(String option, String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw CliException.of(ExitCodes.FAILURE, "cli.error.badInstant", option, value);
        }
    }

    static ZoneId zone(String option, String value) {
        try {
            return ZoneId.of(value.strip());
        } catch (RuntimeException e) {
            throw CliException.of(ExitCodes.FAILURE, "cli.error.badZone", option, value);
        }
    }

    /** {@code MON,TUE,…} (or full names, any case). */
    static Set<DayOfWeek> days(String option, String value) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : value.split(",")) {
            String p = part.strip().toUpperCase(Locale.ROOT);
            DayOfWeek found = null;
            for (DayOfWeek d : DayOfWeek.values()) {
                if (!p.isEmpty() && (d.name().equals(p) || d.name().startsWith(p) && p.length() == 3)) {
                    found = d;
                }
            }
            if (found == null) {
                throw CliException.of(ExitCodes.FAILURE, "cli.error.badDays", option, value);
            }
            out.add(found);
        }
        return out;
    }

    /** Whole minutes, 0 or more. */
    static int minutes(String option, int value) {
        if (value < 0) {
            throw CliException.of(ExitCodes.FAILURE, "cli.error.negative", option, value);
        }
        return value;
    }
}
