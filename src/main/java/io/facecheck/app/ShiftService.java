package io.facecheck.app;

import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;
import io.facecheck.store.ShiftRepository;
import io.facecheck.timesheet.Shift;

import java.util.List;

/** Shifts: add (audited) and list. */
public final class ShiftService {
    private final Database db;
    private final ShiftRepository shifts;
    private final AuditLog audit;

    public ShiftService(Database db) {
        this.db = db;
        this.shifts = new ShiftRepository(db);
        this.audit = new AuditLog(db);
    }

    /**
     * Adds {@code shift}. Its rules (an end equal to the start, negative minutes, a flexible shift without hours)
     * are checked by {@link Shift} itself; here the name must be free and not {@link Shift#OFF}.
     */
    public Shift add(Shift shift, String actor) {
        return db.inTransaction(c -> {
            Shift s = shifts.create(shift);
            audit.record(actor, AuditLog.SHIFT_ADD, s.name(), "before: none; after: " + s);
            return s;
        });
    }

    public List<Shift> list() {
        return shifts.list();
    }
}
