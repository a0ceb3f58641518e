package io.facecheck.store;

import java.util.Locale;

/**
 * What an employee's code, name, department, greeting name and reading may be: one line of text each (no control characters: a tab or
 * line break would break every listing and CSV that shows them) within the schema's column sizes. Every write of
 * an employee goes through {@link EmployeeRepository}, which applies these rules; front ends call them as well
 * to fail before any slow work. The message says what is wrong and where, never echoing a long value back.
 */
public final class EmployeeFields {
    /** Column sizes of {@code employee} (V1__init.sql, H2 and PostgreSQL alike). */
    public static final int MAX_CODE = 64;
    public static final int MAX_NAME = 200;
    public static final int MAX_DEPARTMENT = 200;
    /** Column sizes of {@code employee.greeting_name} and {@code employee.reading} (V8). */
    public static final int MAX_GREETING_NAME = 200;
    public static final int MAX_READING = 200;

    private EmployeeFields() {
    }

    /** The code, trimmed; refused when empty, too long or not one line. */
    public static String code(String code) {
        return required(code, "employee code", MAX_CODE);
    }

    /** The name, trimmed; refused when empty, too long or not one line. */
    public static String name(String name) {
        return required(name, "employee name", MAX_NAME);
    }

    /** The department, trimmed, or null when none is given (null or blank). */
    public static String department(String department) {
        return optional(department, "department", MAX_DEPARTMENT);
    }

    /**
     * The name to greet the person with, trimmed (a full-width space U+3000 from an IME counts as space), or null
     * when none is given (null or blank): the kiosk then greets with the full name.
     */
    public static String greetingName(String greetingName) {
        return optional(greetingName, "greeting name", MAX_GREETING_NAME);
    }

    /** The reading of the name (ふりがな, pinyin), trimmed, or null when none is given. */
    public static String reading(String reading) {
        return optional(reading, "reading", MAX_READING);
    }

    private static String optional(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return checked(value.strip(), what, max);
    }

    /** Checks all three at once (the department may be null). */
    public static void check(String code, String name, String department) {
        code(code);
        name(name);
        department(department);
    }

    private static String required(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(what + " must not be empty");
        }
        return checked(value.strip(), what, max);
    }

    private static String checked(String value, String what, int max) {
        // String.length counts UTF-16 units, which is at least what either database counts, so whatever passes
        // here fits both columns
        if (value.length() > max) {
            throw invalid(what + " is too long: at most " + max + " characters (got " + value.length() + ")");
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (isControl(c)) {
                throw invalid(what + " contains a control character (" + describe(c) + " at character " + (i + 1)
                        + "); it must be one line of text");
            }
            i += Character.charCount(c);
        }
        return value;
    }

    /** C0, DEL and C1 controls, and the Unicode line and paragraph separators. */
    private static boolean isControl(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String describe(int c) {
        return switch (c) {
            case '\t' -> "a tab";
            case '\n', '\r' -> "a line break";
            default -> String.format(Locale.ROOT, "U+%04X", c);
        };
    }

    private static StoreException invalid(String message) {
        return new StoreException(StoreException.Kind.INVALID, message);
    }
}
