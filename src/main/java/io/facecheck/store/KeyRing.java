package io.facecheck.store;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The contents of a key file: the active key, which seals new records, and the retired keys, kept only so that
 * records sealed under them (a backup made before a rotation) can still be opened. The text format, one key a line:
 * <pre>
 *   # comment lines and blank lines are ignored
 *   active  KEYID BASE64 [ACTIVE-SINCE]
 *   retired KEYID BASE64 RETIRED-AT
 * </pre>
 * KEYID is the key's id (16 hex digits, see {@link FaceDataCipher}), checked against the key; BASE64 the 32 key
 * bytes; the dates ISO-8601 instants (UTC). Exactly one line is active. A file of FaceCheck before keyrings holds
 * just one base64 key on a line: it reads as a keyring whose only key is active, with no date.
 */
final class KeyRing {
    enum State { ACTIVE, RETIRED }

    /** One key; {@code since}: when it became active, or when it was retired (null for a key from an old file). */
    record Entry(State state, FaceKeys.Key key, Instant since) {
    }

    private final List<Entry> entries;

    private KeyRing(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** A keyring of one active key. */
    static KeyRing of(FaceKeys.Key active, Instant since) {
        return new KeyRing(List.of(new Entry(State.ACTIVE, active, since)));
    }

    /**
     * Reads a key file's text.
     *
     * @throws IllegalArgumentException naming the line that is wrong
     */
    static KeyRing parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            try {
                entries.add(f.length == 1 ? new Entry(State.ACTIVE, key(f[0], null), null) : entry(f));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        long active = entries.stream().filter(e -> e.state() == State.ACTIVE).count();
        if (active != 1) {
            throw new IllegalArgumentException(active == 0 ? "no active key" : active + " active keys (one is allowed)");
        }
        entries.sort((a, b) -> Integer.compare(a.state().ordinal(), b.state().ordinal()));
        return new KeyRing(entries);
    }

    private static Entry entry(String[] f) {
        State state = switch (f[0]) {
            case "active" -> State.ACTIVE;
            case "retired" -> State.RETIRED;
            default -> throw new IllegalArgumentException("expected 'active' or 'retired' first, not '" + f[0] + "'");
        };
        int want = state == State.ACTIVE ? 3 : 4;
        if (f.length < want || f.length > 4) {
            throw new IllegalArgumentException("expected '" + f[0] + " KEYID BASE64" + (state == State.ACTIVE
                    ? " [ACTIVE-SINCE]'" : " RETIRED-AT'"));
        }
        Instant since = null;
        if (f.length == 4) {
            try {
                since = Instant.parse(f[3]);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + f[3] + "' is not a date like 2026-12-07T04:00:00Z");
            }
        }
        return new Entry(state, key(f[2], f[1]), since);
    }

    private static FaceKeys.Key key(String base64, String id) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not base64");
        }
        if (k.length != FaceKeys.KEY_BYTES) {
            throw new IllegalArgumentException("the key holds " + k.length + " bytes, a key is " + FaceKeys.KEY_BYTES);
        }
        FaceKeys.Key key = FaceKeys.keyOf(k);
        if (id != null && !id.equals(key.id())) {
            throw new IllegalArgumentException("key id " + id + " does not match its key (" + key.id() + ")");
        }
        return key;
    }

    Entry active() {
        return entries.get(0);
    }

    /** The active key first, then the retired ones, newest retirement first. */
    List<Entry> entries() {
        return entries;
    }

    /** The key with this id, active or retired; null when none. */
    FaceKeys.Key find(String id) {
        for (Entry e : entries) {
            if (e.key().id().equals(id)) {
                return e.key();
            }
        }
        return null;
    }

    /** This keyring with {@code next} active from {@code at} and the active key retired at {@code at}. */
    KeyRing rotatedTo(FaceKeys.Key next, Instant at) {
        List<Entry> out = new ArrayList<>();
        out.add(new Entry(State.ACTIVE, next, at));
        for (Entry e : entries) {
            if (!e.key().id().equals(next.id())) {
                out.add(e.state() == State.ACTIVE ? new Entry(State.RETIRED, e.key(), at) : e);
            }
        }
        return new KeyRing(out);
    }

    /** This keyring without the retired keys in {@code ids} (the active key always stays). */
    KeyRing withoutRetired(Set<String> ids) {
        return new KeyRing(entries.stream().filter(e -> e.state() == State.ACTIVE || !ids.contains(e.key().id()))
                .toList());
    }

    /** The file's text: a comment, then one line a key. */
    String format() {
        StringBuilder b = new StringBuilder();
        b.append("# FaceCheck face-data keyring (AES-256, base64). Keep it secret and keep a copy apart from the backups:\n")
                .append("# without the key a record was sealed with, that record cannot be read.\n")
                .append("# 'active' seals new records; 'retired' keys only open older records (backups made before a\n")
                .append("# rotation) until 'facecheck keys retire' drops them. One line a key: STATE KEYID BASE64 DATE.\n");
        for (Entry e : entries) {
            b.append(e.state() == State.ACTIVE ? "active" : "retired").append(' ').append(e.key().id()).append(' ')
                    .append(Base64.getEncoder().encodeToString(e.key().bytes()));
            if (e.since() != null) {
                b.append(' ').append(e.since());
            }
            b.append('\n');
        }
        return b.toString();
    }
}
