package io.facecheck.app;

import io.facecheck.store.AuditEntry;
import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;

import java.util.List;

/** Reading the audit log. Writing it is each service's own business, in the transaction of what it records. */
public final class AuditService {
    private final AuditLog audit;

    public AuditService(Database db) {
        this.audit = new AuditLog(db);
    }

    /** The newest {@code limit} entries, newest first. */
    public List<AuditEntry> recent(int limit) {
        return audit.recent(limit);
    }
}
