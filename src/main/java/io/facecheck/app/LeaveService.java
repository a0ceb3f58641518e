package io.facecheck.app;

import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;
import io.facecheck.store.LeaveRepository;
import io.facecheck.timesheet.Leave;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Leave per employee, of the configured types ({@code timesheet.leave-types}); overlapping leave is refused. */
public final class LeaveService {
    private final Database db;
    private final LeaveRepository leave;
    private final AuditLog audit;
    private final List<String> types;

    public LeaveService(Database db, List<String> types) {
        this.db = db;
        this.leave = new LeaveRepository(db);
        this.audit = new AuditLog(db);
        this.types = List.copyOf(types);
    }

    /**
     * Adds full days {@code from..to}, or, with {@code hours}, that many hours on the single day {@code from == to}.
     *
     * @throws InvalidInput for an unknown type, an end before the start, or hours that are not 0 < h <= 24 on one day
     * @throws io.facecheck.store.StoreException {@code NOT_FOUND} for an unknown employee, {@code CONFLICT} when it
     *                                           overlaps leave the employee already has
     */
    public Leave add(String code, LocalDate from, LocalDate to, String type, Double hours, String actor) {
        String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        if (!types.contains(t)) {
            throw InvalidInput.of("app.leave.unknownType", type, String.join(", ", types));
        }
        if (to.isBefore(from)) {
            throw InvalidInput.of("app.leave.backwards", to, from);
        }
        Integer minutes = null;
        if (hours != null) {
            if (!(hours > 0 && hours <= 24)) {
                throw InvalidInput.of("app.leave.hours", hours);
            }
            if (!from.equals(to)) {
                throw InvalidInput.of("app.leave.hourlyOneDay");
            }
            minutes = (int) Math.round(hours * 60);
        }
        Leave l = new Leave(code, from, to, t, minutes);
        return db.inTransaction(c -> {
            Leave added = leave.add(l);
            audit.record(actor, AuditLog.LEAVE, code, "before: none; after: " + added);
            return added;
        });
    }

    /** Leave that touches {@code from..to} (inclusive), by start date and code. */
    public List<Leave> between(LocalDate from, LocalDate to) {
        return leave.between(from, to);
    }

    public List<String> types() {
        return types;
    }
}
