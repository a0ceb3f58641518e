package io.facecheck.app;

import io.facecheck.attendance.GallerySync;
import io.facecheck.config.LocalizedMessage;
import io.facecheck.match.Vectors;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.GalleryFill;
import io.facecheck.store.StoreException;
import io.facecheck.store.TemplateRepository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code bench}'s gallery figures: how long a kiosk takes to load a gallery of 100k templates from a store (the
 * start of a kiosk; later changes are incremental, see {@link GallerySync#poll()}) and how much heap the loaded
 * gallery holds. The templates (5 per person, random unit vectors) are written as the repositories write them,
 * encrypted like any face data ({@link GalleryFill}, in batches), then read back by the kiosk's own
 * {@link GallerySync#load()}; afterwards they are deleted again.
 */
final class GalleryLoadBench {
    static final String MODEL = "bench-gallery@1";
    static final String CODE_PREFIX = "BENCH-";
    static final int PER_PERSON = 5;
    /** People per transaction of the fill. */
    private static final int PEOPLE_PER_BATCH = 1_000;

    private GalleryLoadBench() {
    }

    /**
     * Fills {@code db}, which must hold no employees, with {@code n} templates of {@code dimension} floats, times a
     * full load, then deletes them.
     */
    static Map<String, Object> measure(Database db, int dimension, int n) {
        if (!new EmployeeRepository(db).list(true).isEmpty()) {
            throw new StoreException(StoreException.Kind.CONFLICT, LocalizedMessage.of("cli.bench.galleryNotEmpty",
                    db.displayName(), n / PER_PERSON));
        }
        GalleryFill fill = new GalleryFill(db);
        try {
            return fillAndLoad(db, fill, dimension, n);
        } finally {
            fill.removeByCodePrefix(CODE_PREFIX);
        }
    }

    private static Map<String, Object> fillAndLoad(Database db, GalleryFill fill, int dimension, int n) {
        Random rnd = new Random(42);
        int people = (n + PER_PERSON - 1) / PER_PERSON;
        int written = 0;
        long fill0 = System.nanoTime();
        for (int from = 0; from < people; from += PEOPLE_PER_BATCH) {
            List<GalleryFill.Person> batch = new ArrayList<>();
            for (int p = from; p < Math.min(people, from + PEOPLE_PER_BATCH); p++) {
                List<float[]> templates = new ArrayList<>(PER_PERSON);
                for (int t = 0; t < PER_PERSON && written + templates.size() < n; t++) {
                    templates.add(randomUnit(rnd, dimension));
                }
                written += templates.size();
                batch.add(new GalleryFill.Person(String.format("%s%06d", CODE_PREFIX, p), "Bench person " + p,
                        templates));
            }
            fill.add(batch, MODEL, 1.0, "bench");
        }
        long fillMs = (System.nanoTime() - fill0) / 1_000_000;

        GallerySync sync = new GallerySync(new TemplateRepository(db), MODEL, dimension);
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        int loaded = sync.load();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        long heapAfter = usedHeap();
        if (loaded != n) {
            throw new StoreException(StoreException.Kind.CONFLICT, LocalizedMessage.of("cli.bench.galleryLoaded", n,
                    db.displayName(), loaded));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("templates", loaded);
        out.put("identities", sync.gallery().identityCount());
        out.put("dimension", dimension);
        out.put("loadMs", loadMs);
        out.put("galleryHeapMb", mb(heapAfter - heapBefore));
        out.put("matrixMb", mb(sync.gallery().matrixBytes()));
        out.put("fillMs", fillMs);
        return out;
    }

    private static float[] randomUnit(Random rnd, int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return Vectors.normalized(v);
    }

    private static double mb(long bytes) {
        return Math.round(bytes / 1e5) / 10.0;
    }

    /** Heap in use after collecting what can be collected (the loaded gallery stays reachable from the caller). */
    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
