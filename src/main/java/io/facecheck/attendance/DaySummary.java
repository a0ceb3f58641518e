package io.facecheck.attendance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One person's day.
 *
 * @param firstIn         local time of the first IN, or null
 * @param lastOut         local time of the last OUT, or null
 * @param worked          sum of IN→OUT intervals of the day
 * @param late            first IN after the configured work start
 * @param missingCheckout the day ends with an IN not followed by an OUT
 */
public record DaySummary(String code, String name, String department, LocalDate date, LocalTime firstIn,
                         LocalTime lastOut, Duration worked, boolean late, boolean missingCheckout) {

    /** Worked time in hours, for the report. */
    public double workedHours() {
        return worked.toSeconds() / 3600.0;
    }
}
