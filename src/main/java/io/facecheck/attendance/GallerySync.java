package io.facecheck.attendance;

import io.facecheck.match.Gallery;
import io.facecheck.store.FaceTemplate;
import io.facecheck.store.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the engine's in-memory {@link Gallery} in step with the store: loads the templates of the active
 * embedder's model (templates of other models are ignored; {@link TemplateRebuilder} makes new ones from the
 * kept crops), and is told of every enroll, delete or (de)activation after it commits.
 */
public final class GallerySync {
    private static final Logger LOG = LoggerFactory.getLogger(GallerySync.class);

    private final TemplateRepository templates;
    private final String modelId;
    private final Gallery gallery;

    /** A gallery of {@code dimension}-D templates of {@code modelId}; call {@link #load()} to fill it. */
    public GallerySync(TemplateRepository templates, String modelId, int dimension) {
        this.templates = templates;
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
        gallery.remove(code);
        List<float[]> mine = new ArrayList<>();
        for (FaceTemplate t : templates.listByModel(modelId)) {
            if (t.employeeCode().equals(code) && t.vector().length == gallery.dimension()) {
                mine.add(t.vector());
            }
        }
        if (!mine.isEmpty()) {
            gallery.addAll(code, mine);
        }
    }
}
