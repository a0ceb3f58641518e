package io.facecheck.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusteringTest {

    /** Two tight groups on the unit circle (0–8° and 40–48°) and one face at 24°, 16° from each group's edge. */
    private static List<float[]> twoGroupsAndABridge() {
        List<float[]> e = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            e.add(GalleryTest.at(2 * i));          // 0..4
        }
        for (int i = 0; i < 5; i++) {
            e.add(GalleryTest.at(40 + 2 * i));     // 5..9
        }
        e.add(GalleryTest.at(24));                 // 10
        return e;
    }

    /** Edges for gaps below 17°: inside each group, and bridge–8° and bridge–40° only. */
    private static final double THRESHOLD = GalleryTest.dist(17);

    @Test
    void connectedComponentsChainThroughTheBridge() {
        assertThat(Clustering.connectedComponents(twoGroupsAndABridge(), THRESHOLD))
                .containsExactly(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    }

    @Test
    void connectedComponentsSeparateWithoutTheBridge() {
        List<float[]> e = twoGroupsAndABridge().subList(0, 10);
        assertThat(Clustering.connectedComponents(e, THRESHOLD))
                .containsExactly(List.of(0, 1, 2, 3, 4), List.of(5, 6, 7, 8, 9));
    }

    @Test
    void chineseWhispersKeepsTheTwoGroupsApart() {
        List<List<Integer>> g = Clustering.chineseWhispers(twoGroupsAndABridge(), THRESHOLD, 20, 42);
        assertThat(g).hasSize(2);
        List<Integer> a = g.stream().filter(x -> x.contains(0)).findFirst().orElseThrow();
        List<Integer> b = g.stream().filter(x -> x.contains(5)).findFirst().orElseThrow();
        assertThat(a).containsAll(List.of(0, 1, 2, 3, 4)).doesNotContain(5, 6, 7, 8, 9);
        assertThat(b).containsAll(List.of(5, 6, 7, 8, 9)).doesNotContain(0, 1, 2, 3, 4);
    }

    @Test
    void isolatedFacesAreSingletons() {
        List<float[]> e = List.of(GalleryTest.at(0), GalleryTest.at(90), GalleryTest.at(180));
        assertThat(Clustering.chineseWhispers(e, 0.5, 10, 1)).containsExactly(List.of(0), List.of(1), List.of(2));
        assertThat(Clustering.connectedComponents(e, 0.5)).containsExactly(List.of(0), List.of(1), List.of(2));
    }
}
