package io.facecheck.attendance;

import io.facecheck.config.AppDirs;
import io.facecheck.config.Settings;
import io.facecheck.config.SettingsLoader;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.RgbImage;
import io.facecheck.face.liveness.LivenessVerdict;
import io.facecheck.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The landmark liveness gate in the real {@link CheckInStation} (real models, real H2 file): its evidence is kept
 * per face track, so a still photo refused as a spoof does not taint the next person, and nothing is logged for
 * the photo.
 */
class CheckInStationLivenessTest {
    private static final Path LFW = Path.of("src/test/resources/lfw10");
    @TempDir
    static Path tmp;
    private static Database db;
    private static AttendanceEngine engine;

    @BeforeAll
    static void open() throws Exception {
        Settings settings = SettingsLoader.load(new AppDirs(tmp.resolve("cfg"), tmp.resolve("data")), null,
                Map.of("checkin.liveness", "passive"));
        db = Database.open("jdbc:h2:file:" + tmp.resolve("db/facecheck").toAbsolutePath());
        engine = AttendanceEngine.open(settings, db, FaceEngine.Options.defaults());
        var r = engine.enrollment().enroll("TB", "Tony Blair", null, List.of(photo("Tony_Blair", 1),
                photo("Tony_Blair", 2), photo("Tony_Blair", 3), photo("Tony_Blair", 4), photo("Tony_Blair", 5)),
                EnrollmentService.Options.defaults("test"));
        assertThat(r.enrolled()).as("%s", r).isTrue();
    }

    @AfterAll
    static void close() {
        engine.close();
        db.close();
    }

    private static Path photo(String person, int n) {
        return LFW.resolve(person).resolve(String.format("%s_%04d.jpg", person, n));
    }

    @Test
    void livenessEvidenceStaysWithItsTrack() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T07:55:00Z"));
        CheckInStation station = engine.station("hall", clock);
        RgbImage blair = new ImageLoader().load(photo("Tony_Blair", 7));
        CheckInStation.Outcome o = null;
        for (int i = 0; i < 5; i++) {
            o = station.process(blair);
            clock.advance(java.time.Duration.ofMillis(100));
        }
        int blairTrack = o.trackId().orElseThrow();
        assertThat(o.liveness().orElseThrow().verdict().verdict()).isEqualTo(LivenessVerdict.Verdict.SPOOF);
        assertThat(o.liveness().get().reason()).isEqualTo("spoof:static_frame_repeated");
        assertThat(o.decision().orElseThrow().kind()).isEqualTo(Decision.Kind.LIVENESS_FAILED);
        assertThat(o.logged()).isEmpty();

        // someone else steps in: a new track with its own, fresh evidence
        RgbImage powell = new ImageLoader().load(photo("Colin_Powell", 7));
        CheckInStation.Outcome next = station.process(powell);
        int powellTrack = next.trackId().orElseThrow();
        assertThat(powellTrack).isNotEqualTo(blairTrack);
        assertThat(next.liveness().orElseThrow().verdict().reasons()).containsExactly("too_few_frames");
        assertThat(station.track(powellTrack).orElseThrow().attachment(LivenessGate.Evidence.class)).isPresent();
        station.track(blairTrack).ifPresent(t -> assertThat(t.attachment(LivenessGate.Evidence.class).orElseThrow()
                .verdict().spoof()).isTrue());
    }
}
