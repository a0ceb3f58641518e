package io.facecheck.camera;

import io.facecheck.store.Subprocess;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * An IP camera for tests: {@link RtspServerMain} in its own process, on a free loopback port that stays the same
 * across {@link #stop()} and {@link #start()} (as a camera that reboots keeps its address).
 */
public final class RtspCamera implements AutoCloseable {
    private final int port;
    private final double fps;
    private Process process;

    private RtspCamera(int port, double fps) {
        this.port = port;
        this.fps = fps;
    }

    /** A camera that is not started yet. */
    public static RtspCamera onFreePort(double fps) throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return new RtspCamera(s.getLocalPort(), fps);
        }
    }

    public String url() {
        return "rtsp://127.0.0.1:" + port + "/cam";
    }

    /** Starts serving {@code spec} ({@code file:VIDEO} or {@code dir:PHOTOS}, looped); returns once a player can connect. */
    public RtspCamera start(String spec) throws IOException, InterruptedException {
        if (process != null) {
            throw new IllegalStateException("already serving");
        }
        process = Subprocess.quickJava(RtspServerMain.class, Integer.toString(port), spec, Double.toString(fps));
        BufferedReader out = Subprocess.stdout(process);
        String line = out.readLine();
        if (line == null || !line.startsWith("SERVING ")) {
            stop();
            throw new IOException("the RTSP camera did not start (printed " + line + ")");
        }
        return this;
    }

    /** Kills the server: the stream drops as when a camera loses power. */
    public void stop() throws InterruptedException {
        Process p = process;
        process = null;
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
