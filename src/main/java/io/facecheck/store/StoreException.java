package io.facecheck.store;

import io.facecheck.config.LocalizedMessage;

/** A database problem in words a user can act on ("database … is in use by …", "… is read-only"). */
public class StoreException extends RuntimeException {
    /** What kind of problem, so front ends can choose an exit code or a dialog. */
    public enum Kind {
        /** Another process holds the database without sharing it. */
        IN_USE,
        /** The database file or folder cannot be written. */
        READ_ONLY,
        /** The file is not a usable database (corrupt, wrong format, wrong credentials). */
        CANNOT_OPEN,
        /**
         * There is no FaceCheck database where one was expected (a mistyped {@code --db}): no H2 file, or a file or
         * server database without FaceCheck's schema, opened by a command that may not create one.
         */
        NO_DATABASE,
        /** The face data cannot be decrypted: the key is missing or wrong, or a record was tampered with. */
        KEY,
        /** A row the caller named does not exist (unknown employee code, event id). */
        NOT_FOUND,
        /** A unique value already taken (employee code, admin name). */
        CONFLICT,
        /** A value the caller gave is not acceptable (blank name, bad direction). */
        INVALID,
        /** Anything else. */
        OTHER
    }

    private final Kind kind;
    private final transient LocalizedMessage text;

    public StoreException(Kind kind, String message) {
        this(kind, message, (Throwable) null);
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.text = null;
    }

    /** A message from the bundles: English in {@link #getMessage} (logs), the user's in {@link #getLocalizedMessage}. */
    public StoreException(Kind kind, LocalizedMessage text, Throwable cause) {
        super(text.english(), cause);
        this.kind = kind;
        this.text = text;
    }

    public StoreException(Kind kind, LocalizedMessage text) {
        this(kind, text, null);
    }

    @Override
    public String getLocalizedMessage() {
        return text == null ? getMessage() : text.localized();
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Whether the database server could not be reached or the connection broke (server down, network cut): the
     * kind of problem an offline-capable kiosk outlives (it journals locally), unlike a wrong password or a bad
     * statement.
     */
    public boolean unreachable() {
        return kind == Kind.CANNOT_OPEN && getCause() != null && Database.isConnectionProblem(getCause());
    }
}
