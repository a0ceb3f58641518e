package io.facecheck.timesheet;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/** Test shorthands: local times in Europe/Berlin (CET +01:00, CEST +02:00 from 2026-03-29 to 2026-10-25). */
final class Berlin {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** 09:00–17:00, grace 5/5, break 30, overtime after 30. */
    static final Shift DAY = Shift.fixed("Day", LocalTime.of(9, 0), LocalTime.of(17, 0), 5, 5, 30, 30);
    /** 22:00–06:00, grace 5/5, break 30, overtime after 30. */
    static final Shift NIGHT = Shift.fixed("Night", LocalTime.of(22, 0), LocalTime.of(6, 0), 5, 5, 30, 30);
    /** 13:00–21:00, grace 5/5, break 30, overtime after 30. */
    static final Shift LATE = Shift.fixed("Late", LocalTime.of(13, 0), LocalTime.of(21, 0), 5, 5, 30, 30);
    /** 8 h between 07:00 and 19:00, break 30, overtime after 30. */
    static final Shift FLEX = Shift.flexible("Flex", 480, LocalTime.of(7, 0), LocalTime.of(19, 0), 30, 30);

    private Berlin() {
    }

    /** An instant given as a Berlin local date-time; in the autumn overlap the earlier (summer) offset. */
    static Instant at(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), ZONE).toInstant();
    }

    static Punch in(String localDateTime) {
        return new Punch(at(localDateTime), PunchType.IN);
    }

    static Punch out(String localDateTime) {
        return new Punch(at(localDateTime), PunchType.OUT);
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static LocalDateTime local(String iso) {
        return LocalDateTime.parse(iso);
    }

    static ScheduleAssignment weekdays(String code, Shift shift, String from) {
        return new ScheduleAssignment(code, null, shift.name(), WEEKDAYS, date(from));
    }
}
