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
    /** Where the gallery is cached for an offline start; null: not cached. */
    private OfflineKiosk cache;
    private boolean fromCache;

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

    /**
     * Keeps this gallery in {@code offline}'s local cache from now on (each load and each change), and lets
     * {@link #load()} fall back to the cache when the server cannot be reached.
     */
    public synchronized void cacheIn(OfflineKiosk offline) {
        this.cache = offline;
    }

    /** Whether the gallery came from the local cache (the server was unreachable when it was loaded). */
    public synchronized boolean fromCache() {
        return fromCache;
    }

    /**
     * Replaces the gallery's content with the store's templates of this model (active employees only). With a
     * cache ({@link #cacheIn}) and the server unreachable: with the cached gallery.
     *
     * @throws StoreException when the store cannot be read (and nothing is cached)
     */
    public synchronized int load() {
        try {
            return loadFromStore();
        } catch (StoreException e) {
            if (cache == null || !e.unreachable()) {
                throw e;
            }
            cache.wentDown(e);
            return loadFromCache(e);
        }
    }

    private int loadFromCache(StoreException cause) {
        var cached = cache.local().gallery(cache.server(), modelId)
                .filter(g -> g.dimension() == gallery.dimension())
                .orElseThrow(() -> new StoreException(StoreException.Kind.CANNOT_OPEN, cause.getMessage()
                        + "; this kiosk has no cached gallery of it yet (it keeps one from its first start with the "
                        + "server reachable)", cause.getCause()));
        gallery.clear();
        for (var p : cached.people()) {
            if (!p.templates().isEmpty()) {
                gallery.addAll(p.code(), p.templates());
            }
        }
        watermark = cached.watermark();
        seen.clear();
        fromCache = true;
        LOG.warn("gallery: {} templates of {} identities from the offline cache saved {} (the server is unreachable)",
                gallery.size(), gallery.identityCount(), cached.savedAt());
        return gallery.size();
    }

    private int loadFromStore() {
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
        fromCache = false;
        saveCache(byCode, mark);
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
        List<float[]> mine = reload(code);
        updateCache(mine.isEmpty() ? Map.of() : Map.of(code, mine), mine.isEmpty() ? Set.of(code) : Set.of());
    }

    private List<float[]> reload(String code) {
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
        return mine;
    }

    /** The whole gallery into the cache, unless the cache is at this watermark already. */
    private void saveCache(Map<String, List<float[]>> byCode, long mark) {
        if (cache == null) {
            return;
        }
        try {
            if (cache.local().cachedWatermark(cache.server(), modelId).orElse(-1L) == mark) {
                return;
            }
            Map<String, io.facecheck.store.Employee> who = new java.util.HashMap<>();
            for (io.facecheck.store.Employee e : cache.employees()) {
                who.put(e.code(), e);
            }
            List<io.facecheck.store.OfflineStore.CachedPerson> people = new ArrayList<>();
            byCode.forEach((code, vectors) -> people.add(person(who.get(code), code, vectors)));
            cache.local().saveGallery(cache.server(), modelId, gallery.dimension(), mark, people);
        } catch (StoreException e) {
            LOG.warn("gallery: cannot save the offline cache: {}", e.getMessage());
        }
    }

    /** Changed and removed people into the cache (at the current watermark). */
    private void updateCache(Map<String, List<float[]>> changed, Set<String> removed) {
        if (cache == null || (changed.isEmpty() && removed.isEmpty())) {
            return;
        }
        try {
            List<io.facecheck.store.OfflineStore.CachedPerson> people = new ArrayList<>();
            var employees = new io.facecheck.store.EmployeeRepository(cache.central());
            changed.forEach((code, vectors) -> people.add(person(employees.findByCode(code).orElse(null), code, vectors)));
            cache.local().updateGallery(cache.server(), modelId, gallery.dimension(), watermark, people, removed);
        } catch (StoreException e) {
            LOG.warn("gallery: cannot update the offline cache: {}", e.getMessage());
        }
    }

    private static io.facecheck.store.OfflineStore.CachedPerson person(io.facecheck.store.Employee e, String code,
                                                                       List<float[]> vectors) {
        return new io.facecheck.store.OfflineStore.CachedPerson(code, e == null ? code : e.name(),
                e == null ? null : e.department(), vectors, e == null ? null : e.greetingName());
    }

    /**
     * Applies the changes committed to the store since the last poll (by anyone: this process, the admin PC,
     * another kiosk): each changed employee's templates are reloaded, or removed when they are gone or inactive.
     *
     * @return how many employees were reloaded
     * @throws StoreException when the store cannot be read (the gallery stays as it was)
     */
    public synchronized int poll() {
        if (cache != null && !cache.online()) {
            return 0; // offline: the journal's sync notices the server's return, then polls catch up
        }
        try {
            return pollStore();
        } catch (StoreException e) {
            if (cache != null && e.unreachable()) {
                cache.wentDown(e); // the kiosk learns of the outage within a poll, not at the next check-in
                return 0;
            }
            throw e;
        }
    }

    private int pollStore() {
        Set<String> codes = new LinkedHashSet<>();
        List<Long> fresh = new ArrayList<>();
        long newest = watermark;
        for (GalleryChanges.Change c : changes.since(Math.max(0, watermark - OVERLAP))) {
            if (!seen.contains(c.seq())) {
                fresh.add(c.seq());
                codes.add(c.employeeCode());
                newest = Math.max(newest, c.seq());
            }
        }
        Map<String, List<float[]>> changed = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        for (String code : codes) {
            List<float[]> mine = reload(code);
            if (mine.isEmpty()) {
                removed.add(code);
            } else {
                changed.put(code, mine);
            }
        }
        // only now, with every reload done, are the changes seen: a poll the server dies in is repeated in full
        seen.addAll(fresh);
        watermark = newest;
        seen.headSet(watermark - OVERLAP, false).clear();
        fromCache = false; // the server answered: what changed since the cache was saved is applied now
        updateCache(changed, removed);
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
        return Repeating.every("gallery-sync", every, this::poll, LOG);
    }
}
