package io.facecheck.camera;

import java.nio.file.Path;

/** Makes a {@link FrameSource} from the text users type after {@code --camera}. */
public final class FrameSources {
    private FrameSources() {
    }

    /** The forms understood, for help texts and error messages. */
    public static final String FORMS = "0 (camera index), /dev/video0 (device path), file:VIDEO.mp4, dir:FOLDER, "
            + "rtsp://HOST[:PORT]/PATH, http(s)://HOST/PATH (MJPEG)";

    /**
     * Parses {@code "0"}, {@code "/dev/video0"}, {@code "file:PATH"}, {@code "dir:PATH"} or a network camera's
     * URL (its login from {@link NetworkCameraSource#ENV_USER} and {@link NetworkCameraSource#ENV_PASSWORD} when set). Nothing is opened
     * here: a missing device shows up later as the capture's "no camera" state, not as an exception.
     *
     * @throws IllegalArgumentException naming the bad spec and the accepted forms
     */
    public static FrameSource parse(String spec) {
        return parse(spec, NetworkCameraSource.Login.fromEnvironment(System::getenv));
    }

    /** As {@link #parse(String)}, with the network camera's login given (null: none, or the one in the URL). */
    public static FrameSource parse(String spec, NetworkCameraSource.Login login) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no camera given; use one of: " + FORMS);
        }
        String s = spec.strip();
        if (s.startsWith("file:")) {
            return new VideoFileSource(path(s.substring(5), spec));
        }
        if (NetworkCameraSource.isNetwork(s)) {
            return NetworkCameraSource.of(s, login);
        }
        if (s.startsWith("dir:")) {
            return new ImageFolderSource(path(s.substring(4), spec));
        }
        if (s.startsWith("/dev/")) {
            return WebcamSource.device(s);
        }
        if (s.chars().allMatch(Character::isDigit) && s.length() <= 3) {
            return WebcamSource.index(Integer.parseInt(s));
        }
        throw new IllegalArgumentException("unknown camera '" + NetworkCameraSource.mask(spec) + "'; use one of: " + FORMS);
    }

    private static Path path(String p, String spec) {
        if (p.isBlank()) {
            throw new IllegalArgumentException("camera '" + spec + "' has no path; use one of: " + FORMS);
        }
        try {
            return Path.of(p);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("camera '" + spec + "': bad path: " + e.getMessage(), e);
        }
    }
}
