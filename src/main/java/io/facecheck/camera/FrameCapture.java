package io.facecheck.camera;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One capture thread per source. It keeps only the newest frame: a consumer that is slower than the camera
 * (inference) simply gets the latest picture next time and the frames in between are dropped, so nothing
 * queues up and the display never lags behind. A source that cannot be opened or fails while playing is
 * retried with exponential backoff; every change is reported as a {@link CaptureState} to listeners (on the
 * capture thread — UI listeners hop to their own thread).
 */
public final class FrameCapture implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrameCapture.class);

    /**
     * @param loop           replay a file or folder from the start when it ends (kiosk demos); off → ENDED
     * @param initialBackoff first wait before reopening a failed source
     * @param maxBackoff     the wait doubles up to this; the default 2 s puts a kiosk back on its camera or stream
     *                       within 5 s of it returning (a retry is cheap: a refused connect or a missing device)
     */
    public record Options(boolean loop, Duration initialBackoff, Duration maxBackoff) {
        public static final Options DEFAULT = new Options(true, Duration.ofMillis(500), Duration.ofSeconds(2));

        public Options withLoop(boolean l) {
            return new Options(l, initialBackoff, maxBackoff);
        }
    }

    private final FrameSource source;
    private final Options options;
    private final List<Consumer<CaptureState>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final AtomicLong captured = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private VideoFrame newest;
    private long lastTaken;
    private volatile CaptureState state;
    private volatile boolean running;
    private Thread thread;

    public FrameCapture(FrameSource source, Options options) {
        this.source = Objects.requireNonNull(source, "source");
        this.options = Objects.requireNonNull(options, "options");
        this.state = new CaptureState(CaptureState.Status.STARTING, source.describe(), "Starting " + source.describe());
    }

    public FrameCapture(FrameSource source) {
        this(source, Options.DEFAULT);
    }

    public FrameSource source() {
        return source;
    }

    /** Listener gets the current state at once, then every change, on the capture thread. */
    public void addListener(Consumer<CaptureState> listener) {
        listeners.add(listener);
        listener.accept(state);
    }

    public void removeListener(Consumer<CaptureState> listener) {
        listeners.remove(listener);
    }

    public CaptureState state() {
        return state;
    }

    public synchronized FrameCapture start() {
        if (thread != null) {
            throw new IllegalStateException("capture of " + source.describe() + " already started");
        }
        running = true;
        thread = new Thread(this::loop, "capture-" + source.describe());
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** The newest frame, or null before the first; never blocks. */
    public VideoFrame latest() {
        synchronized (lock) {
            return newest;
        }
    }

    /**
     * Waits until a frame newer than {@code afterSequence} exists and returns it (the newest one; any in
     * between are skipped). Returns null on timeout or when capture stopped.
     */
    public VideoFrame awaitNewer(long afterSequence, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (newest == null || newest.sequence() <= afterSequence) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            lastTaken = Math.max(lastTaken, newest.sequence());
            return newest;
        }
    }

    /** Frames grabbed so far. */
    public long capturedCount() {
        return captured.get();
    }

    /** Frames replaced by a newer one before any consumer took them. */
    public long droppedCount() {
        return dropped.get();
    }

    private void publish(VideoFrame f) {
        long seq = captured.incrementAndGet();
        VideoFrame stamped = f.withSequence(seq, System.nanoTime());
        synchronized (lock) {
            if (newest != null && newest.sequence() > lastTaken) {
                dropped.incrementAndGet();
            }
            newest = stamped;
            lock.notifyAll();
        }
    }

    private void setState(CaptureState.Status status, String message) {
        CaptureState s = new CaptureState(status, source.describe(), message);
        if (s.equals(state)) {
            return;
        }
        state = s;
        LOG.info("{}: {} — {}", source.describe(), status, message);
        for (Consumer<CaptureState> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.warn("capture state listener failed", e);
            }
        }
    }

    private void loop() {
        long backoff = options.initialBackoff().toMillis();
        boolean everPlayed = false;
        try {
            while (running) {
                try {
                    source.open();
                } catch (CameraException e) {
                    CaptureState.Status st = everPlayed ? CaptureState.Status.RECONNECTING : CaptureState.Status.NO_CAMERA;
                    setState(st, e.getMessage() + " — retrying in " + seconds(backoff));
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, options.maxBackoff().toMillis());
                    continue;
                }
                long periodNanos = source.frameRate() > 0 ? (long) (1e9 / source.frameRate()) : 0;
                long nextAt = System.nanoTime();
                boolean first = true;
                try {
                    while (running) {
                        VideoFrame f = source.read();
                        if (f == null) {
                            break; // end of a file or folder
                        }
                        if (periodNanos > 0) {
                            long wait = nextAt - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                            nextAt = Math.max(nextAt + periodNanos, System.nanoTime() - periodNanos);
                        }
                        publish(f);
                        if (first) {
                            setState(CaptureState.Status.PLAYING, "Playing " + source.describe());
                            first = false;
                            everPlayed = true;
                            backoff = options.initialBackoff().toMillis();
                        }
                    }
                } catch (CameraException e) {
                    source.close();
                    if (!running) {
                        break;
                    }
                    setState(CaptureState.Status.RECONNECTING, e.getMessage() + " — reconnecting in " + seconds(backoff));
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, options.maxBackoff().toMillis());
                    continue;
                }
                source.close();
                if (!running) {
                    break;
                }
                if (!options.loop() || source.live()) {
                    if (source.live()) {
                        setState(CaptureState.Status.RECONNECTING, "Camera " + source.describe() + " stopped — reconnecting");
                        continue;
                    }
                    setState(CaptureState.Status.ENDED, "End of " + source.describe());
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            source.close();
            running = false;
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    private static String seconds(long ms) {
        return ms < 1000 ? ms + " ms" : (ms / 1000) + " s";
    }

    private void sleep(long ms) throws InterruptedException {
        long until = System.currentTimeMillis() + ms;
        while (running && System.currentTimeMillis() < until) {
            Thread.sleep(Math.min(50, until - System.currentTimeMillis() + 1));
        }
    }

    /** True while the capture thread runs (also while retrying). */
    public boolean running() {
        return running;
    }

    /** Stops the thread and releases the source; waits up to 5 s. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        setState(CaptureState.Status.STOPPED, "Stopped " + source.describe());
    }
}
