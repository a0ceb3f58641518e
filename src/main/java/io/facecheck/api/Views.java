package io.facecheck.api;

import io.facecheck.app.KioskService;
import io.facecheck.app.PhotoEnrollment;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Employee;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the API shows of each value, field by field: never a template, a crop or a match score, so nothing
 * biometric can leave through it.
 */
final class Views {
    private Views() {
    }

    static Map<String, Object> employee(Employee e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", e.code());
        m.put("name", e.name());
        m.put("department", e.department());
        m.put("greetingName", e.greetingName());
        m.put("reading", e.reading());
        m.put("active", e.active());
        m.put("created", e.createdAt().toString());
        return m;
    }

    static Map<String, Object> event(CheckInEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("uuid", e.uuid());
        m.put("code", e.code());
        m.put("name", e.name());
        m.put("at", e.at().toString());
        m.put("localTime", e.localTime().toLocalDateTime().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("zone", e.zone().getId());
        m.put("direction", e.direction().name());
        m.put("kiosk", e.kioskId());
        m.put("manual", e.manual());
        m.put("correctionReason", e.correctionReason());
        m.put("correctedBy", e.correctedBy());
        m.put("recorded", e.recordedAt().toString());
        return m;
    }

    static Map<String, Object> kiosk(KioskService.KioskStatus k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("online", k.online());
        m.put("lastSeen", k.lastSeen().toString());
        m.put("version", k.version());
        m.put("pendingEvents", k.pendingEvents());
        m.put("startedAt", k.startedAt() == null ? null : k.startedAt().toString());
        return m;
    }

    static Map<String, Object> verdict(PhotoEnrollment.Verdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("photo", v.photo());
        m.put("accepted", v.accepted());
        m.put("reason", v.reason());
        m.put("detail", v.detail());
        return m;
    }
}
