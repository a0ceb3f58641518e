package io.facecheck.attendance;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A background chore of a running kiosk: runs on its own daemon thread at a fixed delay until closed. */
final class Repeating {
    private Repeating() {
    }

    /**
     * Runs {@code task} every {@code every} (the first time after one delay) on a daemon thread named {@code name}; a
     * failed run is logged as a warning on {@code log} and the next one comes as planned. Closing the handle stops it.
     */
    static AutoCloseable every(String name, Duration every, Runnable task, Logger log) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{}: {}", name, e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }
}
