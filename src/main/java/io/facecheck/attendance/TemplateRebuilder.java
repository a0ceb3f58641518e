package io.facecheck.attendance;

import io.facecheck.face.FaceEmbedder;
import io.facecheck.face.RgbImage;
import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;
import io.facecheck.store.EnrollmentCrop;
import io.facecheck.store.TemplateRepository;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-embeds every kept enrollment crop with an embedder (after a model change), replacing that model's
 * templates in one transaction; audited. Crops of other sizes than {@link EnrollmentCrops#SIZE} are skipped.
 */
public final class TemplateRebuilder {
    private static final int BATCH = 16;

    private final Database db;
    private final TemplateRepository templates;
    private final AuditLog audit;

    public TemplateRebuilder(Database db) {
        this.db = db;
        this.templates = new TemplateRepository(db);
        this.audit = new AuditLog(db);
    }

    /** Rebuilds the templates of {@code embedder}'s model; returns how many were written. */
    public int rebuild(FaceEmbedder embedder, String actor) {
        List<EnrollmentCrop> crops = templates.allCrops().stream()
                .filter(c -> c.width() == EnrollmentCrops.SIZE && c.height() == EnrollmentCrops.SIZE)
                .toList();
        // embed first (slow, no transaction open), then swap in one transaction
        List<float[]> vectors = new ArrayList<>(crops.size());
        for (int from = 0; from < crops.size(); from += BATCH) {
            List<RgbImage> aligned = new ArrayList<>();
            for (EnrollmentCrop c : crops.subList(from, Math.min(crops.size(), from + BATCH))) {
                aligned.add(embedder.align(EnrollmentCrops.fromPng(c.png()), EnrollmentCrops.faceInCrop()));
            }
            for (float[] v : embedder.embed(aligned)) {
                vectors.add(v);
            }
        }
        return db.inTransaction(conn -> {
            templates.deleteByModel(embedder.modelId());
            for (int i = 0; i < crops.size(); i++) {
                EnrollmentCrop c = crops.get(i);
                templates.add(c.employeeId(), c.id(), embedder.modelId(), vectors.get(i), c.quality(), c.source());
            }
            audit.record(actor, AuditLog.REBUILD, embedder.modelId(), crops.size() + " templates from kept crops");
            return crops.size();
        });
    }
}
