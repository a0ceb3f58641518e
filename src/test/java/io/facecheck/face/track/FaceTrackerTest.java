package io.facecheck.face.track;

import io.facecheck.face.DetectedFace;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.RgbImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tracker on the real MTCNN over frames built from real lfw10 photos. */
class FaceTrackerTest {
    private static FaceEngine engine;
    private static RgbImage powell;
    private static RgbImage blair;

    @BeforeAll
    static void open() throws Exception {
        engine = FaceEngine.open(FaceEngine.Options.defaults());
        ImageLoader loader = new ImageLoader();
        powell = loader.load(Path.of("src/test/resources/lfw10/Colin_Powell/Colin_Powell_0006.jpg"));
        blair = loader.load(Path.of("src/test/resources/lfw10/Tony_Blair/Tony_Blair_0006.jpg"));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static FaceTracker tracker(int redetectEvery) {
        return new FaceTracker(engine.detector(), new FaceTracker.Settings(redetectEvery, 0.3));
    }

    private static RgbImage powellAt(int x, int y) {
        return new Stage().put(powell, x, y, 1.0).frame();
    }

    @Test
    void followsAMovingFaceWithTheLastStageAloneAndKeepsItsId() {
        FaceTracker t = tracker(10);
        List<FaceTracker.Step> steps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            RgbImage frame = powellAt(100 + 14 * i, 80 + 7 * i);
            FaceTracker.Step s = t.next(frame);
            steps.add(s);
            assertThat(s.faces()).hasSize(1);
            assertThat(s.ended()).isEmpty();
            DetectedFace tracked = s.faces().get(0).face();
            DetectedFace full = engine.detector().detect(frame).get(0);
            // the tracked face is where a full detection puts it, landmarks within a few pixels
            assertThat(tracked.box().iou(full.box())).as("frame %d", i).isGreaterThan(0.75);
            double err = 0;
            for (int k = 0; k < 5; k++) {
                err += Math.hypot(tracked.landmarks5().get(k).x() - full.landmarks5().get(k).x(),
                        tracked.landmarks5().get(k).y() - full.landmarks5().get(k).y());
            }
            assertThat(err / 5).as("mean landmark error, frame %d", i).isLessThan(3.0);
        }
        assertThat(steps.get(0).detected()).isTrue();
        assertThat(steps.subList(1, 8)).allSatisfy(s -> assertThat(s.detected()).isFalse());
        int id = steps.get(0).faces().get(0).id();
        assertThat(steps).allSatisfy(s -> assertThat(s.faces().get(0).id()).isEqualTo(id));
    }

    @Test
    void runsTheFullDetectorEveryNFrames() {
        FaceTracker t = tracker(3);
        List<Boolean> detected = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            FaceTracker.Step s = t.next(powellAt(200 + 3 * i, 100));
            detected.add(s.detected());
            ids.add(s.faces().get(0).id());
        }
        assertThat(detected).containsExactly(true, false, false, true, false, false, true);
        assertThat(ids).containsOnly(ids.get(0));
    }

    @Test
    void endsTheTrackWhenItsFaceLeavesAndAReturningFaceGetsANewId() {
        FaceTracker t = tracker(10);
        int id = t.next(powellAt(200, 100)).faces().get(0).id();
        t.next(powellAt(205, 100));
        FaceTracker.Step gone = t.next(new Stage().frame());
        assertThat(gone.faces()).isEmpty();
        assertThat(gone.ended()).containsExactly(id);
        assertThat(gone.detected()).as("a lost track falls back to the full detector").isTrue();
        FaceTracker.Step back = t.next(powellAt(205, 100));
        assertThat(back.faces()).hasSize(1);
        assertThat(back.faces().get(0).id()).isNotEqualTo(id);
    }

    @Test
    void aFaceThatEntersIsFoundAtTheNextFullDetection() {
        FaceTracker t = tracker(4);
        List<FaceTracker.Step> steps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Stage s = new Stage().put(powell, 20 + 2 * i, 100, 1.0);
            if (i >= 2) {
                s.put(blair, 380, 120, 1.0); // steps into view at frame 2
            }
            steps.add(t.next(s.frame()));
        }
        int powellId = steps.get(0).faces().get(0).id();
        assertThat(steps.get(2).faces()).as("between full detections only known tracks are followed").hasSize(1);
        assertThat(steps.get(3).faces()).hasSize(1);
        FaceTracker.Step redetected = steps.get(4);
        assertThat(redetected.detected()).isTrue();
        assertThat(redetected.faces()).hasSize(2);
        int blairId = redetected.faces().stream().filter(f -> f.face().box().x() > 320).findFirst().orElseThrow().id();
        int powellNow = redetected.faces().stream().filter(f -> f.face().box().x() < 320).findFirst().orElseThrow().id();
        assertThat(powellNow).isEqualTo(powellId);
        assertThat(blairId).isNotEqualTo(powellId);
        assertThat(steps.get(5).detected()).isFalse();
        assertThat(steps.get(5).faces()).extracting(FaceTracker.Tracked::id).containsExactlyInAnyOrder(powellId, blairId);
    }

    @Test
    void withoutTrackingEveryFrameIsDetectedAndIdsFollowTheOverlap() {
        FaceTracker t = new FaceTracker(engine.detector(), FaceTracker.Settings.DEFAULTS.withoutTracking());
        assertThat(t.tracking()).isFalse();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            FaceTracker.Step s = t.next(powellAt(100 + 15 * i, 100));
            assertThat(s.detected()).isTrue();
            ids.add(s.faces().get(0).id());
        }
        assertThat(ids).containsOnly(ids.get(0));
    }
}
