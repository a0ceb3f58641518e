package io.facecheck.ui.kiosk;

import io.facecheck.ui.I18n.Text;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What the kiosk says to a person it has just logged: a greeting that fits the time of day for a check-in
 * ("Good morning, Wang Fang", 早上好，王芳, おはようございます、山田さん), a goodbye for a check-out, and a line with
 * the time that was recorded.
 *
 * <p>The time of day is the check-in's own local time (the configured zone): morning from 05:00, afternoon from
 * 11:00, evening from 18:00 until 05:00 (a night shift arriving at 02:00 is wished a good evening, not a good
 * morning). The name is the one the person wants to be greeted with ({@code greeting_name}), else the full name;
 * the Japanese texts add さん themselves, so a greeting name there is the family name alone (山田), and without
 * one the full name gets さん (FaceCheck never guesses where a family name ends).
 */
public final class Greeting {
    /** Start of the morning greeting (inclusive). */
    public static final LocalTime MORNING = LocalTime.of(5, 0);
    /** Start of the afternoon greeting (inclusive). */
    public static final LocalTime AFTERNOON = LocalTime.of(11, 0);
    /** Start of the evening greeting (inclusive), which lasts until {@link #MORNING}. */
    public static final LocalTime EVENING = LocalTime.of(18, 0);

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    private Greeting() {
    }

    /** The greeting for a check-in ({@code out} false) or the goodbye for a check-out at local time {@code at}. */
    public static Text of(boolean out, String name, LocalTime at) {
        if (out) {
            return Text.of("kiosk.greeting.out", name);
        }
        if (at.isBefore(MORNING) || !at.isBefore(EVENING)) {
            return Text.of("kiosk.greeting.evening", name);
        }
        return Text.of(at.isBefore(AFTERNOON) ? "kiosk.greeting.morning" : "kiosk.greeting.afternoon", name);
    }

    /** The line under the greeting: which way and at what time the check-in was recorded. */
    public static Text recorded(boolean out, ZonedDateTime at) {
        return Text.of(out ? "kiosk.recorded.out" : "kiosk.recorded.in", HHMM.format(at));
    }
}
