package io.facecheck.store;

import java.time.Instant;

/** An aligned face crop kept from enrollment (PNG bytes), so templates can be rebuilt for a new model. */
public record EnrollmentCrop(long id, long employeeId, byte[] png, int width, int height, double quality,
                             String source, Instant createdAt) {
    @Override
    public String toString() {
        return "EnrollmentCrop[id=" + id + ", employee=" + employeeId + ", " + width + "x" + height + ", source="
                + source + "]";
    }
}
