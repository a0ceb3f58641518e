package io.facecheck.store;

import java.time.Instant;

/**
 * A stored embedding of one enrollment sample.
 *
 * @param cropId  the enrollment crop it was computed from (null if none was kept)
 * @param modelId embedder model id and version; templates of another model are never compared
 * @param vector  L2-normalised embedding (not to be logged)
 */
public record FaceTemplate(long id, long employeeId, String employeeCode, Long cropId, String modelId,
                           float[] vector, double quality, String source, Instant createdAt) {
    @Override
    public String toString() {
        // never print the embedding itself
        return "FaceTemplate[id=" + id + ", employee=" + employeeCode + ", model=" + modelId + ", dim="
                + vector.length + ", source=" + source + "]";
    }
}
