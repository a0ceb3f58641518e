package io.facecheck.app;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API token may do; each route of {@code facecheck serve} needs one. */
public enum ApiScope {
    EMPLOYEES_READ("employees:read"),
    EMPLOYEES_WRITE("employees:write"),
    EVENTS_READ("events:read"),
    EVENTS_WRITE("events:write"),
    TIMESHEETS_READ("timesheets:read"),
    KIOSKS_READ("kiosks:read");

    private final String word;

    ApiScope(String word) {
        this.word = word;
    }

    /** As written on the command line and stored: {@code employees:read}. */
    public String word() {
        return word;
    }

    /** Every scope's word, comma-separated, in the order above. */
    public static String all() {
        return Arrays.stream(values()).map(ApiScope::word).collect(Collectors.joining(","));
    }

    /** Parses {@code employees:read,events:read}; an unknown or missing scope is {@link InvalidInput}. */
    public static Set<ApiScope> parse(String csv) {
        Set<ApiScope> out = new LinkedHashSet<>();
        for (String part : (csv == null ? "" : csv).split(",")) {
            String w = part.strip().toLowerCase(Locale.ROOT);
            if (w.isEmpty()) {
                continue;
            }
            out.add(Arrays.stream(values()).filter(s -> s.word.equals(w)).findFirst().orElseThrow(() ->
                    InvalidInput.of("app.api.unknownScope", part.strip(), all())));
        }
        if (out.isEmpty()) {
            throw InvalidInput.of("app.api.noScope", all());
        }
        return out;
    }
}
