package io.facecheck.models;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

import java.util.Locale;

/**
 * TensorFlow's own lines on stderr. Left alone, every command printed some thirty of them: TensorFlow's C++
 * logging at library start and at each SavedModel load ({@code I tensorflow/...}), and two of Abseil's at the first
 * graph run ({@code WARNING: All log messages before absl::InitializeLog()...}, {@code MLIR V1 optimization pass is
 * not enabled}). The program's entry point asks for {@link #quiet()}; {@code --verbose}, or {@code FACECHECK_LOG} at
 * DEBUG, asks for {@link #verbose()}; library use and tests get TensorFlow's defaults.
 * <p>
 * Quiet means: {@code TF_CPP_MIN_LOG_LEVEL=2} (errors only) in the C environment before TensorFlow's library
 * reads it, once, at its first line (unless the user set it); and the first graph run of the process, which alone
 * prints Abseil's lines, done here on a trivial graph with C's stderr muted (Abseil's copy inside TensorFlow's
 * library has no setting that reaches it). Java's own stderr, FaceCheck's messages, is never touched.
 */
public final class TfLogging {
    private static final Logger LOG = LoggerFactory.getLogger(TfLogging.class);
    static final String LEVEL_VARIABLE = "TF_CPP_MIN_LOG_LEVEL";
    private static final String QUIET_LEVEL = "2";

    private enum Mode { DEFAULTS, QUIET, VERBOSE }

    private static Mode mode = Mode.DEFAULTS;
    private static boolean prepared;

    private TfLogging() {
    }

    /** The command line and the app: TensorFlow's errors only, unless {@link #verbose()} is asked for. */
    public static synchronized void quiet() {
        if (mode == Mode.DEFAULTS) {
            mode = Mode.QUIET;
        }
    }

    /** All of TensorFlow's lines ({@code --verbose}). */
    public static synchronized void verbose() {
        mode = Mode.VERBOSE;
    }

    /** {@link #quiet()}, or {@link #verbose()} when FaceCheck's own log level ({@code FACECHECK_LOG}) is DEBUG or finer. */
    public static void forLogLevel(String facecheckLog) {
        String level = facecheckLog == null ? "" : facecheckLog.trim().toUpperCase(Locale.ROOT);
        if (level.equals("DEBUG") || level.equals("TRACE") || level.equals("ALL")) {
            verbose();
        } else {
            quiet();
        }
    }

    /**
     * Call before the process's first TensorFlow graph or model (each place that opens a session does). Once per
     * process; in quiet mode it loads TensorFlow and runs one trivial graph.
     */
    public static synchronized void beforeFirstUse() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (mode != Mode.QUIET) {
            return;
        }
        String asked = System.getenv(LEVEL_VARIABLE);
        if (asked == null) {
            LibC.putenv(LEVEL_VARIABLE, QUIET_LEVEL);
        }
        if ("0".equals(asked)) {
            // the user asked for TensorFlow's informational lines: Abseil's are those too
            return;
        }
        try (AutoCloseable muted = LibC.muteStderr(); Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            s.runner().fetch(tf.math.add(tf.constant(1f), tf.constant(1f))).run().close();
        } catch (Exception | LinkageError e) {
            // the model or graph that comes next meets the same failure and reports it in its own words
            LOG.debug("TensorFlow's first graph run failed", e);
        }
    }
}
