package io.facecheck.cli;

import io.facecheck.app.CheckInSyncService;
import io.facecheck.app.WebhookDispatcher;
import io.facecheck.config.LocalizedMessage;
import io.facecheck.config.Messages;
import io.facecheck.attendance.CheckInStation;
import io.facecheck.attendance.Decision;
import io.facecheck.attendance.LivenessGate;
import io.facecheck.config.LivenessMode;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.RgbImage;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code facecheck checkin IMG... [--at ISO-INSTANT] [--kiosk ID] [--json]}: the photos are consecutive kiosk
 * frames ({@value #FRAME_MILLIS} ms apart, from {@code --at} or now) fed to the kiosk's own check-in policy; what
 * it logs is committed, then printed.
 */
@Command(name = "checkin", mixinStandardHelpOptions = true)
final class CheckinCommand implements Callable<Integer> {
    /** How long a check-in waits for the webhooks' receivers at its end. */
    static final java.time.Duration WEBHOOK_WAIT = java.time.Duration.ofSeconds(5);
    static final int FRAME_MILLIS = 100;

    @Parameters(paramLabel = "IMG", arity = "1..*", descriptionKey = "help.checkin.img")
    List<Path> photos;

    @Option(names = "--at", paramLabel = "ISO-INSTANT", descriptionKey = "help.checkin.at")
    String at;

    @Option(names = "--kiosk", paramLabel = "ID", descriptionKey = "help.checkin.kiosk")
    String kiosk;

    @Option(names = "--json", descriptionKey = "help.checkin.json")
    boolean json;

    @Option(names = "--liveness", paramLabel = "MODE",
            descriptionKey = "help.checkin.liveness")
    String liveness;

    @Mixin
    StoreOptions store;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        if (liveness != null) {
            if (LivenessMode.parse(liveness) == null) {
                throw CliException.of(ExitCodes.FAILURE, "cli.checkin.badLiveness", liveness);
            }
            store.override("checkin.liveness", liveness);
        }
        Instant start = start();
        ImageLoader loader = new ImageLoader();
        List<RgbImage> frames = new ArrayList<>();
        for (Path p : photos) {
            frames.add(EngineOptions.load(loader, p));
        }
        try (AttendanceContext ctx = AttendanceContext.openForKiosk(store, engineOptions)) {
            uploadWaiting(ctx);
            FrameClock clock = new FrameClock(start.minusMillis(FRAME_MILLIS));
            CheckInStation station = ctx.attendance.station(kiosk, clock);
            List<CheckInEvent> logged = new ArrayList<>();
            // one story: the gate's status when the check-in was logged, else when it was last refused, else
            // the last frame's (each frame's status carries its own verdict and reason, so they never disagree)
            LivenessGate.Status lastStatus = null;
            Decision last = null;
            LivenessGate.Status loggedStatus = null;
            LivenessGate.Status refusedStatus = null;
            for (int i = 0; i < frames.size(); i++) {
                clock.advance(java.time.Duration.ofMillis(FRAME_MILLIS));
                CheckInStation.Outcome o = station.process(frames.get(i));
                if (o.liveness().isPresent()) {
                    lastStatus = o.liveness().get();
                    if (o.logged().isPresent()) {
                        loggedStatus = lastStatus;
                    }
                    if (o.decision().isPresent() && o.decision().get().kind() == Decision.Kind.LIVENESS_FAILED) {
                        refusedStatus = lastStatus;
                    }
                }
                if (o.decision().isEmpty()) {
                    Path photo = photos.get(i);
                    o.subject().ifPresentOrElse(
                            f -> CliMessages.warn("cli.checkin.faceNotUsable", photo,
                                    String.join(", ", f.quality().issueCodes())),
                            () -> CliMessages.warn("cli.checkin.noFace", photo));
                }
                o.logged().ifPresent(logged::add);
                if (o.decision().isPresent()) {
                    last = o.decision().get();
                }
            }
            LivenessGate.Status shown = loggedStatus != null ? loggedStatus
                    : refusedStatus != null ? refusedStatus : lastStatus;
            String refused = logged.isEmpty() && refusedStatus != null ? refusedStatus.reason() : null;
            if (refused != null) {
                CliMessages.warn("cli.checkin.livenessRefused", ctx.settings.liveness().mode().id(),
                        describe(refusedStatus, shown));
            }
            long pending = logged.stream().filter(CheckInEvent::pending).count();
            if (pending > 0) {
                var offline = ctx.attendance.offline().orElseThrow();
                String kioskId = kiosk != null ? kiosk : ctx.settings.checkIn().kioskId();
                CliMessages.warn("cli.checkin.unreachable", ctx.backend.displayName(), pending, offline.journalFile(),
                        offline.pending(kioskId), kioskId);
            }
            LocalizedMessage why = last == null ? LocalizedMessage.of("cli.checkin.why.noFace")
                    : last.whyNotLogged(station.policy().rules());
            print(logged, why, station.policy().unknownFaces().count(),
                    station.livenessGate().isPresent() ? livenessJson(ctx.settings.liveness().mode(), shown, refused) : null);
            deliverWebhooks(ctx);
            return ExitCodes.OK;
        } catch (StoreException e) {
            throw StoreOptions.asCli(e);
        }
    }

    /**
     * The webhooks' events (this command's check-ins and any still waiting) get one try before the command ends, at
     * most {@link #WEBHOOK_WAIT}; the rest stay in the outbox for the next command, a kiosk or {@code serve}.
     */
    private static void deliverWebhooks(AttendanceContext ctx) {
        if (!ctx.attendance.offline().map(o -> o.online()).orElse(true)) {
            return;
        }
        try {
            ctx.backend.webhookDispatcher().deliverDue(WEBHOOK_WAIT);
        } catch (StoreException e) {
            // the check-ins are committed; their events wait in the server's outbox
        }
    }

    /**
     * What this kiosk journalled while the server was unreachable goes first, as a running kiosk's background sync
     * would upload it; with the server still down it stays (and this command's check-ins join it).
     */
    private void uploadWaiting(AttendanceContext ctx) {
        var offline = ctx.attendance.offline();
        if (offline.isEmpty()) {
            return;
        }
        String kioskId = kiosk != null ? kiosk : ctx.settings.checkIn().kioskId();
        new CheckInSyncService(offline.get(), kioskId, ctx.settings.checkIn().debounce()).uploadWaiting()
                .filter(r -> r.settled() > 0).ifPresent(r -> {
                    int left = r.duplicates() + r.rejected();
                    if (left > 0) {
                        CliMessages.warn("cli.checkin.uploadedSome", r.uploaded(), ctx.backend.displayName(), left);
                    } else {
                        CliMessages.warn("cli.checkin.uploaded", r.uploaded(), ctx.backend.displayName());
                    }
                });
    }

    private Instant start() {
        if (at == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw CliException.of(ExitCodes.FAILURE, "cli.checkin.badAt", at);
        }
    }

    private static String describe(LivenessGate.Status refused, LivenessGate.Status s) {
        String reason = refused.reason();
        String code = refused.cause();
        String challenge = s.challenge() == null ? "" : s.challenge().id();
        String text = switch (code) {
            case "static_frame_repeated", "discontinuous", "planar_motion", "no_depth_motion", "too_few_frames",
                 "challenge_pending", "challenge_failed" -> Messages.get("cli.checkin.liveness." + code, challenge);
            default -> reason;
        };
        // the machine code stays in brackets, for a script or a bug report
        return text + " [" + reason + "]";
    }

    private static Map<String, Object> livenessJson(LivenessMode mode, LivenessGate.Status s, String refused) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode.id());
        m.put("verdict", s == null ? null : s.verdict().verdict().id());
        m.put("score", s == null ? null : s.verdict().score());
        m.put("reasons", s == null ? List.of() : s.verdict().reasons());
        m.put("challenge", s == null || s.challenge() == null ? null : s.challenge().id());
        m.put("refused", refused);
        return m;
    }

    /** @param why why the last frame logged nothing (shown when nothing was logged) */
    private void print(List<CheckInEvent> logged, LocalizedMessage why, long unknown, Map<String, Object> liveness) {
        if (json) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (CheckInEvent e : logged) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", e.code());
                m.put("direction", e.direction().name());
                m.put("at", e.at().toString());
                m.put("uuid", e.uuid());
                m.put("pending", e.pending());
                events.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("events", events);
            doc.put("unknownFaces", unknown);
            if (liveness != null) {
                doc.put("liveness", liveness);
            }
            Json.print(doc);
        } else {
            for (CheckInEvent e : logged) {
                CliMessages.out(e.pending() ? "cli.checkin.loggedPending" : "cli.checkin.logged",
                        Messages.get("cli.direction." + e.direction().name()), e.code(), e.name(), e.localTime());
            }
            if (logged.isEmpty()) {
                CliMessages.out(why == null ? "cli.checkin.nothing" : "cli.checkin.nothingBecause", why == null ? ""
                        : why.localized());
            }
            System.out.flush();
        }
    }
}
