package io.facecheck.api;

import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Query parameters read strictly: a value that does not parse is a 400 naming the parameter. */
final class Params {
    /** What both databases store and Java reads back: the API takes instants within these years. */
    private static final int MIN_YEAR = 1970;
    private static final int MAX_YEAR = 9998;

    private Params() {
    }

    static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isEmpty() ? null : JsonBody.checked(name, v);
    }

    static boolean bool(Context ctx, String name) {
        String v = text(ctx, name);
        if (v == null || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw ApiError.badRequest("'" + name + "' must be true or false, not '" + ApiErrors.clip(v) + "'");
    }

    static int integer(Context ctx, String name, int otherwise) {
        String v = text(ctx, name);
        if (v == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("'" + name + "' must be a whole number, not '" + ApiErrors.clip(v) + "'");
        }
    }

    static LocalDate date(Context ctx, String name) {
        String v = text(ctx, name);
        if (v == null) {
            throw ApiError.badRequest("'" + name + "' is required: a date such as 2026-03-02");
        }
        try {
            return within(name, LocalDate.parse(v));
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("'" + name + "' must be a date such as 2026-03-02, not '" + ApiErrors.clip(v)
                    + "'");
        }
    }

    static ZoneId zone(Context ctx, String name, ZoneId otherwise) {
        String v = text(ctx, name);
        if (v == null) {
            return otherwise;
        }
        try {
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            throw ApiError.badRequest("'" + name + "' must be a time zone such as Europe/Paris or UTC, not '"
                    + ApiErrors.clip(v) + "'");
        }
    }

    /**
     * An instant ({@code 2026-03-02T08:00:00Z}, any offset) or a date, read in {@code zone}: its start, or with
     * {@code endOfDay} the start of the next day (so {@code to=2026-03-02} includes that whole day). Null when absent.
     */
    static Instant instant(Context ctx, String name, ZoneId zone, boolean endOfDay) {
        String v = text(ctx, name);
        if (v == null) {
            return null;
        }
        return instant(name, v, zone, endOfDay);
    }

    static Instant instant(String name, String v, ZoneId zone, boolean endOfDay) {
        try {
            if (v.length() == 10) {
                LocalDate d = within(name, LocalDate.parse(v));
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
            }
            OffsetDateTime t = OffsetDateTime.parse(v);
            within(name, t.toLocalDate());
            return t.toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("'" + name + "' must be an instant such as 2026-03-02T08:00:00Z or a date "
                    + "such as 2026-03-02, not '" + ApiErrors.clip(v) + "'");
        }
    }

    private static LocalDate within(String name, LocalDate d) {
        if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
            throw ApiError.badRequest("'" + name + "' must be within the years " + MIN_YEAR + " to " + MAX_YEAR);
        }
        return d;
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
