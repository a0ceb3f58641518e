package io.facecheck.attendance;

import io.facecheck.config.AppDirs;
import io.facecheck.config.Settings;
import io.facecheck.config.SettingsLoader;
import io.facecheck.face.BoundingBox;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.RgbImage;
import io.facecheck.face.track.Stage;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.EventRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@link CheckInStation} (real MTCNN + MobileFaceNet, real H2 file database) over frames in which two
 * enrolled lfw10 people cross the kiosk's view (each keeps one track id throughout, and the K-of-N votes stay with
 * their own track), and in which one person takes another's place between two frames (a new track). Each test
 * has its own people, since the debounce is per person in the shared database.
 */
class CheckInStationTrackingTest {
    private static final Path LFW = Path.of("src/test/resources/lfw10");
    @TempDir
    static Path tmp;
    private static Database db;
    private static AttendanceEngine engine;
    private static RgbImage powell;
    private static RgbImage blair;
    private static RgbImage chavez;
    private static RgbImage schroeder;

    @BeforeAll
    static void open() throws Exception {
        Settings settings = SettingsLoader.load(new AppDirs(tmp.resolve("cfg"), tmp.resolve("data")), null, Map.of());
        db = Database.open("jdbc:h2:file:" + tmp.resolve("db/facecheck").toAbsolutePath());
        engine = AttendanceEngine.open(settings, db, FaceEngine.Options.defaults());
        for (String[] p : new String[][] {{"CP", "Colin_Powell"}, {"TB", "Tony_Blair"}, {"HC", "Hugo_Chavez"},
                {"GS", "Gerhard_Schroeder"}}) {
            var r = engine.enrollment().enroll(p[0], p[1].replace('_', ' '), null, photos(p[1]).subList(0, 5),
                    EnrollmentService.Options.defaults("test"));
            assertThat(r.enrolled()).as("%s", r).isTrue();
        }
        ImageLoader loader = new ImageLoader();
        powell = loader.load(photos("Colin_Powell").get(6));
        blair = loader.load(photos("Tony_Blair").get(6));
        chavez = loader.load(photos("Hugo_Chavez").get(6));
        schroeder = loader.load(photos("Gerhard_Schroeder").get(6));
    }

    @AfterAll
    static void close() {
        engine.close();
        db.close();
    }

    private static List<Path> photos(String person) throws Exception {
        try (Stream<Path> s = Files.list(LFW.resolve(person))) {
            return s.filter(f -> f.toString().endsWith(".jpg")).sorted().toList();
        }
    }

    private static boolean upper(BoundingBox b) {
        return b.y() + b.height() / 2 < Stage.H / 2.0;
    }

    @Test
    void twoPeopleCrossingTheViewKeepSeparateTracksAndVotes() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T07:55:00Z"));
        CheckInStation station = engine.station("hall", clock);
        // Powell walks left to right in the upper half and away from the camera (shrinking), Blair right to left
        // in the lower half and towards it (growing): Powell is the subject (largest face) first, then Blair
        int frames = 20;
        List<CheckInStation.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            double f = i / (double) (frames - 1);
            double sp = 1.0 - 0.4 * f, sb = 0.7 + 0.4 * f;
            RgbImage frame = new Stage()
                    .put(powell, (int) (10 + 370 * f), (int) (-10 + 20 * f), sp)
                    .put(blair, (int) (430 - 380 * f), (int) (480 - 250 * sb), sb)
                    .frame();
            clock.advance(Duration.ofMillis(100));
            outcomes.add(station.process(frame));
        }
        // both faces found in every frame, each person under one id throughout
        List<Integer> powellIds = new ArrayList<>();
        List<Integer> blairIds = new ArrayList<>();
        for (CheckInStation.Outcome o : outcomes) {
            assertThat(o.faces()).hasSize(2);
            for (int k = 0; k < 2; k++) {
                (upper(o.faces().get(k).detection().box()) ? powellIds : blairIds).add(o.trackIds().get(k));
            }
        }
        assertThat(powellIds).hasSize(frames).containsOnly(powellIds.get(0));
        assertThat(blairIds).hasSize(frames).containsOnly(blairIds.get(0));
        int powellId = powellIds.get(0), blairId = blairIds.get(0);
        assertThat(powellId).isNotEqualTo(blairId);
        assertThat(outcomes.stream().filter(o -> !o.detected()).count())
                .as("most frames are tracked, not detected in full").isGreaterThanOrEqualTo(frames - 3);

        // every decision is about the subject's own track, and names that track's person
        int powellVotes = 0, blairVotes = 0;
        List<CheckInEvent> logged = new ArrayList<>();
        for (CheckInStation.Outcome o : outcomes) {
            if (o.decision().isEmpty()) {
                continue;
            }
            Decision d = o.decision().get();
            int track = o.trackId().orElseThrow();
            if (track == powellId) {
                powellVotes++;
                assertThat(d.code()).isEqualTo("CP");
            } else {
                blairVotes++;
                assertThat(track).isEqualTo(blairId);
                assertThat(d.code()).isEqualTo("TB");
            }
            if (d.isCheckIn()) {
                // K agreeing frames, all of the person's own track
                assertThat(d.agreeing()).isEqualTo(3).isLessThanOrEqualTo(track == powellId ? powellVotes : blairVotes);
            }
            o.logged().ifPresent(logged::add);
        }
        assertThat(powellVotes).isGreaterThanOrEqualTo(3);
        assertThat(blairVotes).isGreaterThanOrEqualTo(3);
        assertThat(logged).extracting(CheckInEvent::code).containsExactly("CP", "TB");
        assertThat(new EventRepository(db).all()).filteredOn(e -> List.of("CP", "TB").contains(e.code())).hasSize(2);
        // each live track's votes hold only its own person
        assertThat(station.track(powellId).orElseThrow().votes).extracting(CheckInPolicy.Vote::code).containsOnly("CP");
        assertThat(station.track(blairId).orElseThrow().votes).extracting(CheckInPolicy.Vote::code).containsOnly("TB");
        assertThat(station.track(powellId).orElseThrow().frames()).isEqualTo(frames);
    }

    @Test
    void aDifferentPersonInTheSamePlaceStartsANewTrackWithItsOwnVotes() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        CheckInStation station = engine.station("door", clock);
        List<CheckInStation.Outcome> outcomes = new ArrayList<>();
        // Chavez stands at the kiosk; from frame 4 Schroeder stands in exactly the same place (a cut in the video):
        // the tracker still sees a face in the box, but the subject's embedding jumped
        for (int i = 0; i < 8; i++) {
            RgbImage frame = new Stage().put(i < 4 ? chavez : schroeder, 195 + i, 115, 1.0).frame();
            clock.advance(Duration.ofMillis(100));
            outcomes.add(station.process(frame));
        }
        int chavezId = outcomes.get(0).trackId().orElseThrow();
        assertThat(outcomes.subList(0, 4)).allSatisfy(o -> {
            assertThat(o.trackId().orElseThrow()).isEqualTo(chavezId);
            assertThat(o.decision().orElseThrow().code()).isEqualTo("HC");
        });
        assertThat(outcomes.get(2).logged()).isPresent();
        int schroederId = outcomes.get(4).trackId().orElseThrow();
        assertThat(schroederId).isNotEqualTo(chavezId);
        assertThat(outcomes.subList(4, 8)).allSatisfy(o -> {
            assertThat(o.trackId().orElseThrow()).isEqualTo(schroederId);
            assertThat(o.decision().orElseThrow().code()).isEqualTo("GS");
        });
        // Schroeder's count starts from his own first frame, and Chavez's track and its state are gone
        assertThat(outcomes.get(4).decision().orElseThrow().agreeing()).isEqualTo(1);
        assertThat(outcomes.get(6).logged()).map(CheckInEvent::code).contains("GS");
        assertThat(station.track(chavezId)).isEmpty();
        assertThat(station.tracks()).extracting(TrackState::id).containsExactly(schroederId);
        assertThat(station.track(schroederId).orElseThrow().frames()).isEqualTo(4);
    }
}
