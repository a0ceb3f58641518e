package io.facecheck.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The background threads of the UI: daemon, named, so they never keep the JVM alive or hide in a dump. */
public final class UiExecutors {
    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(named("ui-background"));

    private UiExecutors() {
    }

    /** Database, file and enrollment work started from the screens. */
    public static ExecutorService background() {
        return BACKGROUND;
    }

    public static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
