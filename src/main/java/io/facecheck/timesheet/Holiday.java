package io.facecheck.timesheet;

import java.time.LocalDate;
import java.util.Objects;

/** A public holiday: a scheduled shift that day is not expected; work done that day is all overtime. */
public record Holiday(LocalDate date, String name) {
    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }
}
