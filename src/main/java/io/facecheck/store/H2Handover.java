package io.facecheck.store;

import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * An H2 file shared by several processes ({@code AUTO_SERVER}: two kiosks' check-ins, the admin screen and the kiosk
 * starting together) passes from process to process: the first to open it holds it and serves the others, and when
 * it closes the next one takes over. The hand-over happens in steps (lock file created, rewritten with the server
 * address, deleted at close), and what another process sees in between are errors that are gone a moment later:
 * <ul>
 * <li>while opening: "Lock file recently modified", "Concurrent update", "Another process was faster", "in use"
 * (no server address yet, or no longer), or "connection broken" / "database closed" from a server that is shutting
 * down. {@link #open} tries again with growing pauses (with jitter, so that two processes do not collide again in
 * step) for a few seconds; nothing else is retried: a wrong password, a newer schema, a damaged file or a missing
 * key fail at once.</li>
 * <li>in a transaction run through the other process's server as it shuts down: "connection broken" / "database
 * closed" ({@link #serverWentAway}). The transaction was not committed; H2 reconnects (taking the file over) at the
 * next statement, so {@link Database#inTransaction} runs it again.</li>
 * </ul>
 */
final class H2Handover {
    private static final Logger LOG = LoggerFactory.getLogger(H2Handover.class);
    /**
     * How long {@link #open} keeps trying. One try may itself wait up to 4 s in H2 for a lock file to settle, and a
     * machine busy starting both programs stretches every step, so this is generous.
     */
    static final Duration BUDGET = Duration.ofSeconds(8);
    private static final long FIRST_PAUSE_MS = 50;
    private static final long LONGEST_PAUSE_MS = 1_000;
    /** {@link ErrorCode#ERROR_OPENING_DATABASE_1} reasons of H2's file lock that mean "mid hand-over". */
    private static final String[] HAND_OVER = {"Lock file recently modified", "Concurrent update",
            "Another process was faster"};

    private H2Handover() {
    }

    /**
     * Runs {@code attempt} until it succeeds, fails with an error that is not a transient lock, or
     * {@link #BUDGET} is spent; the last error then says how often it was tried.
     */
    static <T> T open(String name, Supplier<T> attempt) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        long pause = FIRST_PAUSE_MS;
        for (int tries = 1; ; tries++) {
            try {
                return attempt.get();
            } catch (StoreException e) {
                if (!transientLock(e)) {
                    throw e;
                }
                long sleep = pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1);
                if (System.nanoTime() + sleep * 1_000_000 > deadline) {
                    throw new StoreException(e.kind(), e.getMessage() + " (tried " + tries + " times in "
                            + BUDGET.toSeconds() + " s)", e.getCause());
                }
                LOG.info("database {} is being opened or closed by another process ({}); trying again in {} ms",
                        name, e.getMessage(), sleep);
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
            }
        }
    }

    /** Whether {@code e}, met while opening, comes from another process holding, taking or giving up the file. */
    static boolean transientLock(Throwable e) {
        SQLException s = h2Error(e);
        if (s == null) {
            return false;
        }
        return switch (s.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> true;
            case ErrorCode.ERROR_OPENING_DATABASE_1 -> handOver(s.getMessage());
            default -> serverWentAway(s);
        };
    }

    /** Whether {@code e} says that the process serving the file closed it under this connection. */
    static boolean serverWentAway(Throwable e) {
        SQLException s = h2Error(e);
        return s != null && switch (s.getErrorCode()) {
            case ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_CALLED_AT_SHUTDOWN, ErrorCode.DATABASE_IS_CLOSED ->
                    true;
            default -> false;
        };
    }

    /** The first SQL error in {@code e}'s causes (the store wraps H2's in a {@link StoreException}). */
    private static SQLException h2Error(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private static boolean handOver(String message) {
        if (message == null) {
            return false;
        }
        for (String reason : HAND_OVER) {
            if (message.contains(reason)) {
                return true;
            }
        }
        return false;
    }
}
