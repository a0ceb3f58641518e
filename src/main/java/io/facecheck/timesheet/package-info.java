/**
 * Timesheet rules: shifts, schedules, rosters, holidays and leave, the attribution of check-in events to shift
 * occurrences, and the figures HR pays from (per employee and shift-day, and totals over a period).
 *
 * <p>Pure code over {@code java.time}: no JDBC, no JavaFX, no TensorFlow. The rules are written down with worked
 * examples in {@code docs/timesheets.md}; stores load the values below and call these functions.
 */
package io.facecheck.timesheet;
