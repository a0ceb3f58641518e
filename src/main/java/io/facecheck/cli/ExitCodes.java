package io.facecheck.cli;

/** Exit codes shared by every command (also listed in the README). */
public final class ExitCodes {
    public static final int OK = 0;
    /** Generic failure: bad input, unreadable file. */
    public static final int FAILURE = 1;
    /** No face where one was needed. */
    public static final int NO_FACE = 2;
    /** Refused as a duplicate of another employee. */
    public static final int DUPLICATE = 3;
    /** A model is missing or corrupt. */
    public static final int MODEL = 4;
    /** The database cannot be opened (locked, read-only). */
    public static final int DATABASE = 5;
    /**
     * The command line itself is wrong: an unknown option or command, a missing or malformed argument, a command
     * that needs a sub-command given none. 64 is EX_USAGE of sysexits.h; it keeps 2 meaning "no face".
     */
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}
