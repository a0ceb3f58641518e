package io.facecheck.camera;

/** Opens a source once, reads one picture and closes it: the admin's "Test" of a camera before saving it. */
public final class CameraProbe {
    private CameraProbe() {
    }

    /**
     * @return the picture size, e.g. {@code 1280×720}
     * @throws CameraException when the source cannot be opened or gives no picture (its message names the source,
     *                         without a login)
     */
    public static String resolution(FrameSource source) throws CameraException {
        try (source) {
            source.open();
            VideoFrame f = source.read();
            if (f == null) {
                throw new CameraException(source.describe() + " gave no picture");
            }
            return f.width() + "×" + f.height();
        }
    }
}
