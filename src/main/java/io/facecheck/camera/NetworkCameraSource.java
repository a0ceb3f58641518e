package io.facecheck.camera;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An IP camera: an RTSP stream ({@code rtsp://}) or an MJPEG/HTTP stream ({@code http://}, {@code https://}),
 * read through FFmpeg. Tuned for a door, not for a film: RTSP over TCP (no smeared frames from lost UDP packets),
 * no demuxer buffering and a short probe, so a picture is shown as soon as it is decoded. Frames the kiosk is
 * too slow for are dropped by {@link FrameCapture}, which keeps only the newest; the grabber itself is read as
 * fast as the stream delivers so nothing queues up in the socket.
 *
 * <p>The login comes from {@code FACECHECK_CAMERA_USER}/{@code FACECHECK_CAMERA_PASSWORD} (or the settings), or
 * from the URL itself; either way {@link #describe()} and every message show the address without it.
 */
public final class NetworkCameraSource implements FrameSource {
    /** Environment variables with the camera's login; they win over a login written in the URL. */
    public static final String ENV_USER = "FACECHECK_CAMERA_USER";
    public static final String ENV_PASSWORD = "FACECHECK_CAMERA_PASSWORD";
    /** How long a connect or a read may stall before the stream counts as dropped. */
    static final int IO_TIMEOUT_MS = 3_000;

    static {
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
    }

    /** A login for the camera; {@link #toString()} never shows the password. */
    public record Login(String user, String password) {
        public Login {
            Objects.requireNonNull(user, "user");
            password = password == null ? "" : password;
        }

        /** From {@link #ENV_USER}/{@link #ENV_PASSWORD}, or null when no user is set. */
        public static Login fromEnvironment(UnaryOperator<String> env) {
            String u = env.apply(ENV_USER);
            return u == null || u.isBlank() ? null : new Login(u, env.apply(ENV_PASSWORD));
        }

        @Override
        public String toString() {
            return "Login[" + user + ", ******]";
        }
    }

    private final URI address;
    private final String shown;
    private final Login login;
    private final FrameToArgb converter = new FrameToArgb();
    private FFmpegFrameGrabber grabber;

    private NetworkCameraSource(URI address, Login login) {
        this.address = address;
        this.login = login;
        this.shown = mask(address.toString());
    }

    /**
     * @param url   {@code rtsp://host[:port]/path}, {@code http(s)://host/path}; a login in it is used unless
     *              {@code login} is given
     * @param login from the environment or settings, or null
     * @throws IllegalArgumentException naming the (masked) address when it is not a usable URL
     */
    public static NetworkCameraSource of(String url, Login login) {
        URI u;
        try {
            u = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("camera '" + mask(url) + "' is not a valid address: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!isNetwork(scheme + ":") || u.getHost() == null || u.getHost().isBlank()) {
            throw new IllegalArgumentException("camera '" + mask(url) + "' has no host; use rtsp://HOST[:PORT]/PATH or http(s)://HOST/PATH");
        }
        Login effective = login;
        if (effective == null && u.getRawUserInfo() != null) {
            String[] ui = u.getUserInfo().split(":", 2);
            effective = new Login(ui[0], ui.length > 1 ? ui[1] : "");
        }
        try {
            URI bare = new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), u.getQuery(), null);
            return new NetworkCameraSource(bare, effective);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("camera '" + mask(url) + "' is not a valid address: " + e.getReason());
        }
    }

    /** True for the specs this class reads ({@code rtsp:}, {@code rtsps:}, {@code http:}, {@code https:}). */
    public static boolean isNetwork(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("rtsp:") || s.startsWith("rtsps:") || s.startsWith("http:") || s.startsWith("https:");
    }

    /**
     * The text with any {@code user:password@} of a URL in it replaced by {@code ***@}: for every string that
     * may reach a log or a screen (FFmpeg's own error messages repeat the URL they were given).
     */
    public static String mask(String text) {
        return text == null ? null : text.replaceAll("(?i)\\b((?:rtsps?|https?)://)[^/@\\s]+@", "$1***@");
    }

    @Override
    public String describe() {
        return shown;
    }

    private boolean rtsp() {
        return address.getScheme().toLowerCase(Locale.ROOT).startsWith("rtsp");
    }

    /** The URL handed to FFmpeg: with the login, percent-encoded. Never logged. */
    private String connectUrl() {
        if (login == null) {
            return address.toString();
        }
        String s = address.toString();
        int at = s.indexOf("://") + 3;
        return s.substring(0, at) + enc(login.user()) + (login.password().isEmpty() ? "" : ":" + enc(login.password()))
                + "@" + s.substring(at);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** FFmpeg options for low latency; timeouts in microseconds as FFmpeg wants them. */
    Map<String, String> options() {
        String timeoutUs = Long.toString(IO_TIMEOUT_MS * 1000L);
        if (rtsp()) {
            return Map.of("rtsp_transport", "tcp", "fflags", "nobuffer", "flags", "low_delay",
                    "max_delay", "200000", "probesize", "32768", "analyzeduration", "100000", "timeout", timeoutUs);
        }
        return Map.of("fflags", "nobuffer", "flags", "low_delay", "probesize", "32768", "analyzeduration", "100000",
                "rw_timeout", timeoutUs);
    }

    @Override
    public void open() throws CameraException {
        close();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(connectUrl());
        options().forEach(g::setOption);
        if (!rtsp() && address.getPath() != null && address.getPath().toLowerCase(Locale.ROOT).contains("mjpeg")) {
            g.setFormat("mjpeg");
        }
        // JavaCV's own watchdog, for stalls FFmpeg's socket timeout does not cover (e.g. a stuck DESCRIBE)
        g.setTimeout(IO_TIMEOUT_MS);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            WebcamSource.release(g);
            throw new CameraException("Cannot connect to camera " + shown + ": " + mask(e.getMessage()), e);
        }
        if (g.getImageWidth() <= 0) {
            WebcamSource.release(g);
            throw new CameraException("No video in the stream of camera " + shown);
        }
        grabber = g;
    }

    @Override
    public VideoFrame read() throws CameraException {
        if (grabber == null) {
            throw new CameraException("camera " + shown + " is not connected");
        }
        try {
            Frame f = grabber.grabImage(); // owned and reused by the grabber, released with it
            if (f == null) {
                throw new CameraException("Camera " + shown + " stream ended");
            }
            return converter.convert(f, shown);
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new CameraException("Camera " + shown + " disconnected: " + mask(e.getMessage()), e);
        }
    }

    @Override
    public double frameRate() {
        return 0; // a live stream paces itself
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public void close() {
        FFmpegFrameGrabber g = grabber;
        grabber = null;
        if (g != null) {
            WebcamSource.release(g);
        }
    }
}
