package io.facecheck.models;

/**
 * TensorFlow thread pools. On a 2-core kiosk one intra-op thread per session is as fast as two and leaves a
 * core for the camera and the UI (measured: see README, "Speed").
 */
public record TfThreads(int intraOp, int interOp) {
    public static final TfThreads DEFAULT = new TfThreads(1, 1);

    public TfThreads {
        if (intraOp < 0 || interOp < 0) {
            throw new IllegalArgumentException("thread counts must be >= 0 (0 = TensorFlow's choice)");
        }
    }
}
