package io.facecheck.face.mtcnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Runs independent jobs on two cores: the caller's thread and one worker thread, each taking about half the
 * total cost (longest job first to the lighter side). The cascade's stages are TensorFlow calls with one intra-op
 * thread each, so on the two-core machines FaceCheck targets this is where the second core helps; results come
 * back in the jobs' order, so the outcome does not depend on scheduling.
 * <p>
 * The worker is FaceCheck's own daemon thread, not the common fork-join pool, so no unrelated task queued there
 * can hold up a frame. Callers never wait for each other: a second detector running at the same time queues its
 * half behind the first one's and the worker never blocks.
 */
public final class TwoWay {
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "facecheck-detect-worker");
        t.setDaemon(true);
        return t;
    });

    private TwoWay() {
    }

    /** {@code work} applied to every job, in the jobs' order. */
    public static <T, R> List<R> map(List<T> jobs, ToLongFunction<T> cost, Function<T, R> work) {
        int n = jobs.size();
        if (n < 2 || Runtime.getRuntime().availableProcessors() < 2) {
            return jobs.stream().map(work).toList();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> cost.applyAsLong(jobs.get(i))).reversed());
        List<Integer> here = new ArrayList<>();
        List<Integer> there = new ArrayList<>();
        long hereCost = 0, thereCost = 0;
        for (int i : order) {
            long c = cost.applyAsLong(jobs.get(i));
            if (thereCost <= hereCost) {
                there.add(i);
                thereCost += c;
            } else {
                here.add(i);
                hereCost += c;
            }
        }
        Object[] out = new Object[n];
        CompletableFuture<Void> remote = CompletableFuture.runAsync(() -> there.forEach(i -> out[i] = work.apply(jobs.get(i))),
                WORKER);
        RuntimeException failed = null;
        try {
            here.forEach(i -> out[i] = work.apply(jobs.get(i)));
        } catch (RuntimeException e) {
            failed = e;
        }
        try {
            remote.join(); // also on failure: the worker must not outlive the caller's native inputs
        } catch (CompletionException e) {
            if (failed == null) {
                failed = e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        if (failed != null) {
            throw failed;
        }
        @SuppressWarnings("unchecked")
        List<R> result = (List<R>) Arrays.asList(out);
        return result;
    }
}
