package io.facecheck.store;

import java.time.Instant;

/** One line of the audit log: who did what to whom, when. */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String details) {
}
