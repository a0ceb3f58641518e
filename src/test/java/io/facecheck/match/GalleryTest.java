package io.facecheck.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GalleryTest {

    /** Unit vector at {@code deg} degrees in the x-y plane of a 3-D space. */
    static float[] at(double deg) {
        double r = Math.toRadians(deg);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r), 0};
    }

    static double dist(double degrees) {
        return 2 - 2 * Math.cos(Math.toRadians(degrees));
    }

    @Test
    void searchReturnsEachIdentitysNearestTemplateNearestFirst() {
        Gallery g = new Gallery(3, 1);
        g.addAll("ann", List.of(at(0), at(50)));
        g.add("bob", at(90));
        g.add("cy", new float[] {0, 0, 5}); // normalised on the way in
        List<Match> m = g.search(at(60), 3);
        assertThat(m).extracting(Match::identity).containsExactly("ann", "bob", "cy");
        assertThat(m.get(0).distance()).isCloseTo(dist(10), within(1e-6));
        assertThat(m.get(0).templates()).isEqualTo(2);
        assertThat(m.get(1).distance()).isCloseTo(dist(30), within(1e-6));
        assertThat(m.get(2).distance()).isCloseTo(2, within(1e-6));
        assertThat(g.search(at(60), 1)).hasSize(1);
        assertThat(g.search(at(60), 10)).hasSize(3);
        assertThat(g.size()).isEqualTo(4);
        assertThat(g.identityCount()).isEqualTo(3);
    }

    @Test
    void removeDropsOnlyThatIdentity() {
        Gallery g = new Gallery(3, 1);
        g.addAll("ann", List.of(at(0), at(1)));
        g.add("bob", at(90));
        g.addAll("cy", List.of(at(180), at(170)));
        assertThat(g.remove("ann")).isTrue();
        assertThat(g.remove("ann")).isFalse();
        assertThat(g.identities()).containsExactlyInAnyOrder("bob", "cy");
        assertThat(g.size()).isEqualTo(3);
        List<Match> m = g.search(at(175), 5);
        assertThat(m).extracting(Match::identity).containsExactly("cy", "bob");
        assertThat(m.get(0).distance()).isCloseTo(dist(5), within(1e-6));
        assertThat(m.get(0).templates()).isEqualTo(2);
        g.clear();
        assertThat(g.search(at(0), 2)).isEmpty();
    }

    /** Brute force over the same data, the reference for the chunked, threaded search. */
    private static List<Match> reference(Map<String, List<float[]>> data, float[] q, int k) {
        float[] qn = Vectors.normalized(q);
        List<Match> all = new ArrayList<>();
        for (Map.Entry<String, List<float[]>> e : data.entrySet()) {
            double best = Double.MAX_VALUE;
            for (float[] t : e.getValue()) {
                best = Math.min(best, Vectors.squaredDistance(Vectors.normalized(t), qn));
            }
            all.add(new Match(e.getKey(), best, e.getValue().size()));
        }
        all.sort((a, b) -> Double.compare(a.distance(), b.distance()));
        return all.subList(0, Math.min(k, all.size()));
    }

    @Test
    void largeThreadedGalleryAgreesWithBruteForceAfterRemovals() {
        Random rnd = new Random(7);
        int dim = 64;
        Gallery g = new Gallery(dim, 2);
        Map<String, List<float[]>> data = new HashMap<>();
        for (int i = 0; i < 25_000; i++) {
            String id = "p" + rnd.nextInt(6000);
            float[] v = new float[dim];
            for (int j = 0; j < dim; j++) {
                v[j] = (float) rnd.nextGaussian();
            }
            g.add(id, v);
            data.computeIfAbsent(id, x -> new ArrayList<>()).add(v);
        }
        for (int r = 0; r < 300; r++) {
            String id = "p" + rnd.nextInt(6000);
            assertThat(g.remove(id)).isEqualTo(data.remove(id) != null);
        }
        assertThat(g.size()).isEqualTo(data.values().stream().mapToInt(List::size).sum());
        for (int t = 0; t < 20; t++) {
            // queries near a stored template and random ones
            List<float[]> some = data.values().iterator().next();
            float[] q = new float[dim];
            for (int j = 0; j < dim; j++) {
                q[j] = (t % 2 == 0 ? some.get(0)[j] : 0) + (float) rnd.nextGaussian() * 0.3f;
            }
            List<Match> want = reference(data, q, 5);
            List<Match> got = g.search(q, 5);
            assertThat(got).hasSize(5);
            for (int i = 0; i < 5; i++) {
                assertThat(got.get(i).identity()).isEqualTo(want.get(i).identity());
                assertThat(got.get(i).distance()).isCloseTo(want.get(i).distance(), within(1e-5));
                assertThat(got.get(i).templates()).isEqualTo(want.get(i).templates());
            }
        }
    }

    @Test
    void concurrentSearchesSeeConsistentGalleriesWhileWritersAdd() throws Exception {
        Gallery g = new Gallery(3, 2);
        g.add("anchor", at(0));
        ExecutorService ex = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            fs.add(ex.submit(() -> {
                for (int i = 0; i < 2000; i++) {
                    g.add("w" + i, at(20 + (i % 300)));
                }
            }));
            for (int r = 0; r < 3; r++) {
                fs.add(ex.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        List<Match> m = g.search(at(0), 2);
                        assertThat(m.get(0).identity()).isEqualTo("anchor");
                        assertThat(m.get(0).distance()).isCloseTo(0, within(1e-6));
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            ex.shutdownNow();
        }
        assertThat(g.identityCount()).isEqualTo(2001);
    }

    @Test
    void rejectsBadInput() {
        Gallery g = new Gallery(3);
        assertThatThrownBy(() -> g.add("x", new float[2])).hasMessageContaining("2 dimensions");
        assertThatThrownBy(() -> g.add("x", new float[3])).hasMessageContaining("zero");
        assertThatThrownBy(() -> g.add("", at(0))).hasMessageContaining("identity");
        assertThatThrownBy(() -> g.search(new float[4], 1)).hasMessageContaining("4 dimensions");
        assertThat(g.size()).isZero();
    }

    @Test
    void matrixGrowsInSmallChunks() {
        Gallery g = new Gallery(192, 1);
        float[] v = new float[192];
        v[0] = 1;
        for (int i = 0; i < 1000; i++) {
            g.add("p" + i, v);
        }
        // 1000 rows of 192 floats + labels = 772 KB; chunks of 256 KB waste at most one chunk
        assertThat(g.matrixBytes()).isBetween(1000L * 193 * 4, 1000L * 193 * 4 + 65_536L * 4 + 341 * 4);
    }
}
