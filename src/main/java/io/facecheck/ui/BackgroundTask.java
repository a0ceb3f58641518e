package io.facecheck.ui;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one way the UI runs work off the FX thread (as in JabRef): wrap the work, say what to do with the
 * result or the failure (both called on the FX thread), and hand it to an executor.
 *
 * <pre>{@code
 * BackgroundTask.wrap(() -> store.employees())
 *     .onRunning(() -> busy.set(true))
 *     .onSuccess(employees::setAll)
 *     .onFailure(e -> error.set(e.getMessage()))
 *     .onFinished(() -> busy.set(false))
 *     .executeWith(UiExecutors.background());
 * }</pre>
 */
public final class BackgroundTask<T> {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);

    /** Work that may report progress (0..1) and a message while it runs. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** Progress sink handed to the work; updates arrive on the FX thread. */
    @FunctionalInterface
    public interface Progress {
        void update(double fraction, String message);
    }

    private final Work<T> work;
    private Runnable onRunning = () -> { };
    private Consumer<? super T> onSuccess = r -> { };
    private Consumer<Exception> onFailure = e -> LOG.warn("background task failed", e);
    private Runnable onFinished = () -> { };
    private Progress onProgress = (f, m) -> { };

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> wrap(java.util.concurrent.Callable<T> callable) {
        return new BackgroundTask<>(p -> callable.call());
    }

    public static BackgroundTask<Void> wrap(ThrowingRunnable runnable) {
        return new BackgroundTask<>(p -> {
            runnable.run();
            return null;
        });
    }

    public static <T> BackgroundTask<T> withProgress(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    public BackgroundTask<T> onRunning(Runnable r) {
        this.onRunning = r;
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> c) {
        this.onSuccess = c;
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Exception> c) {
        this.onFailure = c;
        return this;
    }

    public BackgroundTask<T> onFinished(Runnable r) {
        this.onFinished = r;
        return this;
    }

    public BackgroundTask<T> onProgress(Progress p) {
        this.onProgress = p;
        return this;
    }

    /** Starts the work; callbacks run on the FX thread in the order running, progress…, success/failure, finished. */
    public void executeWith(Executor executor) {
        fx(onRunning);
        executor.execute(() -> {
            try {
                T result = work.call((f, m) -> fx(() -> onProgress.update(f, m)));
                fx(() -> {
                    try {
                        onSuccess.accept(result);
                    } finally {
                        onFinished.run();
                    }
                });
            } catch (Exception e) {
                LOG.debug("background task failed", e);
                fx(() -> {
                    try {
                        onFailure.accept(e);
                    } finally {
                        onFinished.run();
                    }
                });
            } catch (Error e) {
                LOG.error("background task crashed", e);
                fx(onFinished);
                throw e;
            }
        });
    }

    static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
