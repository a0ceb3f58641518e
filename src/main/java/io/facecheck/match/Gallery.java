package io.facecheck.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-memory face gallery: unit-length templates of one embedder, several per identity, searched exhaustively.
 * <p>
 * Templates are rows of a float matrix held in fixed-size chunks of about 256 KB, so the gallery grows without
 * ever copying or doubling the matrix: 100k templates of 192 floats take 77 MB, plus at most one partly filled
 * chunk. Chunks stay well under half a G1 heap region, so they are never "humongous" objects, which G1 would
 * round up to whole regions (3 MB chunks cost 4 MB each that way). Search is a brute-force dot product over every row (exact; an index would not
 * pay below a few hundred thousand templates), split over a small fixed pool of threads for large galleries,
 * keeping each identity's best distance.
 * <p>
 * Thread-safe: searches run concurrently under a read lock; adds and removes take the write lock.
 */
public final class Gallery {

    private static final int CHUNK_FLOATS = 65_536;
    /** Below this many templates one thread is faster than handing work to the pool. */
    private static final int PARALLEL_MIN_ROWS = 16_384;

    private final int dim;
    private final int chunkRows;
    private final int threads;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<float[]> chunks = new ArrayList<>();
    private final List<int[]> labelChunks = new ArrayList<>();
    private int rows;
    /** label → identity id; labels are dense 0..identities-1. */
    private final List<String> names = new ArrayList<>();
    /** label → number of templates (a plain int array: boxed counts cost 16 bytes an identity). */
    private int[] counts = new int[16];
    private final Map<String, Integer> labels = new HashMap<>();
    private final ExecutorService pool;

    /** A gallery for {@code dimension}-D embeddings searched with up to 2 threads. */
    public Gallery(int dimension) {
        this(dimension, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /** @param searchThreads threads per large search (1 = caller's thread only) */
    public Gallery(int dimension, int searchThreads) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive");
        }
        if (searchThreads < 1) {
            throw new IllegalArgumentException("searchThreads must be ≥ 1");
        }
        this.dim = dimension;
        this.chunkRows = Math.max(16, CHUNK_FLOATS / dimension);
        this.threads = searchThreads;
        this.pool = searchThreads > 1 ? SearchPool.get(searchThreads - 1) : null;
    }

    public int searchThreads() {
        return threads;
    }

    public int dimension() {
        return dim;
    }

    /** Number of templates. */
    public int size() {
        lock.readLock().lock();
        try {
            return rows;
        } finally {
            lock.readLock().unlock();
        }
    }

    public int identityCount() {
        lock.readLock().lock();
        try {
            return names.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public Set<String> identities() {
        lock.readLock().lock();
        try {
            return new LinkedHashSet<>(names);
        } finally {
            lock.readLock().unlock();
        }
    }

    public int templateCount(String identity) {
        lock.readLock().lock();
        try {
            Integer l = labels.get(identity);
            return l == null ? 0 : counts[l];
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds one template (normalised here, so callers cannot slip in an unnormalised vector). */
    public void add(String identity, float[] embedding) {
        addAll(identity, List.of(embedding));
    }

    /** Adds templates for {@code identity}, all or none. */
    public void addAll(String identity, Collection<float[]> embeddings) {
        if (identity == null || identity.isEmpty()) {
            throw new IllegalArgumentException("identity must not be empty");
        }
        // check all first (all or none), normalise straight into the matrix (no copy per template: a kiosk's start
        // adds 100k of them)
        double[] inverseNorms = new double[embeddings.size()];
        int k = 0;
        for (float[] e : embeddings) {
            if (e.length != dim) {
                throw new IllegalArgumentException("embedding has " + e.length + " dimensions, gallery has " + dim);
            }
            inverseNorms[k++] = Vectors.inverseNorm(e);
        }
        lock.writeLock().lock();
        try {
            int label = labels.computeIfAbsent(identity, id -> {
                names.add(id);
                if (names.size() > counts.length) {
                    counts = Arrays.copyOf(counts, counts.length * 2);
                }
                return names.size() - 1;
            });
            k = 0;
            for (float[] e : embeddings) {
                int chunk = rows / chunkRows, row = rows % chunkRows;
                if (chunk == chunks.size()) {
                    chunks.add(new float[chunkRows * dim]);
                    labelChunks.add(new int[chunkRows]);
                }
                Vectors.scaleInto(e, inverseNorms[k++], chunks.get(chunk), row * dim);
                labelChunks.get(chunk)[row] = label;
                rows++;
            }
            counts[label] += k;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes an identity and all its templates; false if it was not there. */
    public boolean remove(String identity) {
        lock.writeLock().lock();
        try {
            Integer boxed = labels.remove(identity);
            if (boxed == null) {
                return false;
            }
            int label = boxed;
            // drop its rows by moving the last row into each hole (order of rows does not matter)
            for (int r = rows - 1; r >= 0; r--) {
                if (labelAt(r) == label) {
                    moveRow(rows - 1, r);
                    rows--;
                }
            }
            // keep labels dense: the last label takes the removed one's number
            int last = names.size() - 1;
            if (label != last) {
                String moved = names.get(last);
                names.set(label, moved);
                counts[label] = counts[last];
                labels.put(moved, label);
                for (int r = 0; r < rows; r++) {
                    if (labelAt(r) == last) {
                        labelChunks.get(r / chunkRows)[r % chunkRows] = label;
                    }
                }
            }
            names.remove(last);
            counts[last] = 0;
            // release trailing empty chunks
            int needed = (rows + chunkRows - 1) / chunkRows;
            while (chunks.size() > needed) {
                chunks.remove(chunks.size() - 1);
                labelChunks.remove(labelChunks.size() - 1);
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void clear() {
        lock.writeLock().lock();
        try {
            chunks.clear();
            labelChunks.clear();
            names.clear();
            counts = new int[16];
            labels.clear();
            rows = 0;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int labelAt(int r) {
        return labelChunks.get(r / chunkRows)[r % chunkRows];
    }

    private void moveRow(int from, int to) {
        if (from == to) {
            return;
        }
        System.arraycopy(chunks.get(from / chunkRows), (from % chunkRows) * dim,
                chunks.get(to / chunkRows), (to % chunkRows) * dim, dim);
        labelChunks.get(to / chunkRows)[to % chunkRows] = labelAt(from);
    }

    /**
     * The {@code k} identities nearest to {@code query}, nearest first, each with the distance of its nearest
     * template. The query is normalised first.
     */
    public List<Match> search(float[] query, int k) {
        if (query.length != dim) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, gallery has " + dim);
        }
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive");
        }
        float[] q = Vectors.normalized(query);
        lock.readLock().lock();
        try {
            int ids = names.size();
            if (ids == 0) {
                return List.of();
            }
            float[] best = bestDots(q, ids);
            return topK(best, Math.min(k, ids));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Highest dot product per label. Caller holds the read lock (the pool's tasks run under it too). */
    private float[] bestDots(float[] q, int ids) {
        int nChunks = chunks.size();
        if (pool == null || rows < PARALLEL_MIN_ROWS || nChunks < 2) {
            float[] best = newBest(ids);
            scan(q, 0, nChunks, best);
            return best;
        }
        int parts = Math.min(threads, nChunks);
        List<Future<float[]>> futures = new ArrayList<>(parts - 1);
        int per = (nChunks + parts - 1) / parts;
        for (int p = 1; p < parts; p++) {
            int from = p * per, to = Math.min(nChunks, from + per);
            futures.add(pool.submit(() -> {
                float[] b = newBest(ids);
                scan(q, from, to, b);
                return b;
            }));
        }
        float[] best = newBest(ids);
        scan(q, 0, Math.min(nChunks, per), best);
        for (Future<float[]> f : futures) {
            float[] b;
            try {
                b = f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("search interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("search failed", e.getCause());
            }
            for (int i = 0; i < ids; i++) {
                if (b[i] > best[i]) {
                    best[i] = b[i];
                }
            }
        }
        return best;
    }

    private static float[] newBest(int ids) {
        float[] b = new float[ids];
        Arrays.fill(b, Float.NEGATIVE_INFINITY);
        return b;
    }

    private void scan(float[] q, int fromChunk, int toChunk, float[] best) {
        int d = dim;
        for (int c = fromChunk; c < toChunk; c++) {
            float[] m = chunks.get(c);
            int[] lab = labelChunks.get(c);
            int n = Math.min(chunkRows, rows - c * chunkRows);
            for (int r = 0; r < n; r++) {
                float s = Vectors.dot(m, r * d, q, 0, d);
                int l = lab[r];
                if (s > best[l]) {
                    best[l] = s;
                }
            }
        }
    }

    private List<Match> topK(float[] bestDot, int k) {
        // k is small: keep a sorted buffer of the k best labels
        int[] top = new int[k];
        int filled = 0;
        for (int l = 0; l < bestDot.length; l++) {
            float v = bestDot[l];
            if (filled == k && v <= bestDot[top[k - 1]]) {
                continue;
            }
            int pos = filled < k ? filled++ : k - 1;
            while (pos > 0 && bestDot[top[pos - 1]] < v) {
                top[pos] = top[pos - 1];
                pos--;
            }
            top[pos] = l;
        }
        List<Match> out = new ArrayList<>(filled);
        for (int i = 0; i < filled; i++) {
            int l = top[i];
            double dist = Math.max(0, 2 - 2 * (double) bestDot[l]);
            out.add(new Match(names.get(l), dist, counts[l]));
        }
        return out;
    }

    /** Approximate heap bytes held by the template matrix and labels. */
    public long matrixBytes() {
        lock.readLock().lock();
        try {
            return (long) chunks.size() * chunkRows * (dim * 4L + 4L);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** One shared daemon pool per size, so many galleries do not each start threads. */
    private static final class SearchPool {
        private static final Map<Integer, ExecutorService> POOLS = new HashMap<>();

        static synchronized ExecutorService get(int n) {
            return POOLS.computeIfAbsent(n, size -> Executors.newFixedThreadPool(size, r -> {
                Thread t = new Thread(r, "gallery-search");
                t.setDaemon(true);
                return t;
            }));
        }
    }
}
