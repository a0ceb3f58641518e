package io.facecheck.attendance;

import io.facecheck.match.Gallery;
import io.facecheck.store.FaceTemplate;
import io.facecheck.store.GalleryChanges;
import io.facecheck.store.StoreException;
import io.facecheck.store.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the engine's in-memory {@link Gallery} in step with the store: loads the templates of the active
 * embedder's model (templates of other models are ignored; {@link TemplateRebuilder} makes new ones from the
 * kept crops), and is told of every enroll, delete or (de)activation after it commits.
 * <p>
 * Several kiosks on one database: changes made elsewhere (the admin PC, another process) reach this gallery
 * through the store's change counter ({@link GalleryChanges}). {@link #poll()} reads the changes after the last
 * one it saw and reloads just those employees, never the whole gallery; {@link #startPolling} does that every
 * {@link #POLL_INTERVAL}, so an enrollment or an erasure is seen at every running kiosk within seconds.
 */
public final class GallerySync {
    private static final Logger LOG = LoggerFactory.getLogger(GallerySync.class);

    /**
     * How often a running kiosk asks the store for changes: a change made elsewhere is recognised (or no longer)
     * here within this time plus one employee's reload (the target is 10 s).
     */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /**
     * How far behind its newest change a poll looks again: sequence numbers are taken at insert and seen at
     * commit, so a slow transaction can show up with a number below one already seen.
     */
    private static final long OVERLAP = 256;

    private final TemplateRepository templates;
    private final GalleryChanges changes;
    private final String modelId;
    private final Gallery gallery;
    private long watermark;
    private final NavigableSet<Long> seen = new TreeSet<>();

    /** A gallery of {@code dimension}-D templates of {@code modelId}; call {@link #load()} to fill it. */
    public GallerySync(TemplateRepository templates, String modelId, int dimension) {
        this.templates = templates;
        this.changes = templates.changes();
        this.modelId = modelId;
        this.gallery = new Gallery(dimension);
    }

    public Gallery gallery() {
        return gallery;
    }

    public String modelId() {
        return modelId;
    }

    /** Replaces the gallery's content with the store's templates of this model (active employees only). */
    public synchronized int load() {
        // the counter first: what changes while the templates are read is seen again by the next poll
        long mark = changes.latest();
        Map<String, List<float[]>> byCode = new LinkedHashMap<>();
        int skipped = 0;
        for (FaceTemplate t : templates.listByModel(modelId)) {
            if (t.vector().length != gallery.dimension()) {
                skipped++;
                continue;
            }
            byCode.computeIfAbsent(t.employeeCode(), k -> new ArrayList<>()).add(t.vector());
        }
        gallery.clear();
        byCode.forEach(gallery::addAll);
        watermark = mark;
        seen.clear();
        for (GalleryChanges.Change c : changes.since(Math.max(0, mark - OVERLAP))) {
            if (c.seq() <= mark) {
                seen.add(c.seq());
            }
        }
        if (skipped > 0) {
            LOG.warn("{} templates of {} have the wrong dimension and were ignored", skipped, modelId);
        }
        LOG.info("gallery: {} templates of {} identities ({})", gallery.size(), gallery.identityCount(), modelId);
        return gallery.size();
    }

    /** After an enrollment committed: adds its templates. */
    public synchronized void added(String code, List<float[]> embeddings) {
        if (!embeddings.isEmpty()) {
            gallery.addAll(code, embeddings);
        }
    }

    /** After an employee's deletion or deactivation committed. */
    public synchronized void removed(String code) {
        gallery.remove(code);
    }

    /** After anything else changed an employee (re-enroll with replace, reactivation): reloads just them. */
    public synchronized void refresh(String code) {
        List<float[]> mine = new ArrayList<>();
        for (FaceTemplate t : templates.listByModel(modelId, code)) {
            if (t.vector().length == gallery.dimension()) {
                mine.add(t.vector());
            }
        }
        gallery.remove(code);
        if (!mine.isEmpty()) {
            gallery.addAll(code, mine);
        }
    }

    /**
     * Applies the changes committed to the store since the last poll (by anyone: this process, the admin PC,
     * another kiosk): each changed employee's templates are reloaded, or removed when they are gone or inactive.
     *
     * @return how many employees were reloaded
     * @throws StoreException when the store cannot be read (the gallery stays as it was)
     */
    public synchronized int poll() {
        Set<String> codes = new LinkedHashSet<>();
        long newest = watermark;
        for (GalleryChanges.Change c : changes.since(Math.max(0, watermark - OVERLAP))) {
            if (seen.add(c.seq())) {
                codes.add(c.employeeCode());
                newest = Math.max(newest, c.seq());
            }
        }
        watermark = newest;
        seen.headSet(watermark - OVERLAP, false).clear();
        for (String code : codes) {
            refresh(code);
        }
        if (!codes.isEmpty()) {
            LOG.info("gallery: reloaded {} changed employee(s); {} templates of {} identities", codes.size(),
                    gallery.size(), gallery.identityCount());
        }
        return codes.size();
    }

    /**
     * Polls the store every {@code every} on a daemon thread until the returned handle is closed. A failed poll
     * (the database unreachable) is logged and retried; the gallery keeps what it had.
     */
    public AutoCloseable startPolling(Duration every) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gallery-sync");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                LOG.warn("gallery sync: {}", e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }
}
