package io.facecheck.models;

/**
 * TensorFlow thread pools, per session.
 * <ul>
 *   <li>{@code intraOp}: threads inside one op. One is as fast as two on a 2-core machine for these small
 *       networks and leaves a core for the camera and the UI.</li>
 *   <li>{@code interOp}: runs of one session that may execute at once, for the sessions that are called from
 *       several threads (MTCNN shares each stage between two cores: pyramid levels, halves of the R-Net/O-Net
 *       batches); with one, those runs would queue behind one another, so the default is one per core.
 *       See {@code Models} for which sessions those are.</li>
 * </ul>
 */
public record TfThreads(int intraOp, int interOp) {
    public static final TfThreads DEFAULT = new TfThreads(1, Math.max(1, Runtime.getRuntime().availableProcessors()));

    public TfThreads {
        if (intraOp < 0 || interOp < 0) {
            throw new IllegalArgumentException("thread counts must be >= 0 (0 = TensorFlow's choice)");
        }
    }

    /** {@code n} threads inside each op, the default number of concurrent runs. */
    public static TfThreads intraOp(int n) {
        return new TfThreads(n, DEFAULT.interOp());
    }
}
