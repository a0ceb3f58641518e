package io.facecheck.store;

import java.time.Instant;

/** A person who checks in. {@code code} is unique and what people and reports use; {@code id} is internal. */
public record Employee(long id, String code, String name, String department, boolean active, Instant createdAt) {
}
