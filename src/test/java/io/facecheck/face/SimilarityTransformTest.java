package io.facecheck.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarityTransformTest {

    private static final double EPS = 1e-9;

    private static List<Point> map(SimilarityTransform t, List<Point> ps) {
        List<Point> out = new ArrayList<>();
        for (Point p : ps) {
            out.add(t.apply(p));
        }
        return out;
    }

    private static void assertSame(SimilarityTransform got, SimilarityTransform want) {
        assertThat(got.a()).isCloseTo(want.a(), within(EPS));
        assertThat(got.b()).isCloseTo(want.b(), within(EPS));
        assertThat(got.tx()).isCloseTo(want.tx(), within(EPS));
        assertThat(got.ty()).isCloseTo(want.ty(), within(EPS));
    }

    @Test
    void twoPointsGiveTheHandComputedQuarterTurnAndDoubling() {
        // (0,0)->(0,0), (1,0)->(0,2): scale 2, rotation +90°, no translation, so a = 0, b = 2.
        SimilarityTransform t = SimilarityTransform.estimate(
                List.of(new Point(0, 0), new Point(1, 0)), List.of(new Point(0, 0), new Point(0, 2)));
        assertSame(t, new SimilarityTransform(0, 2, 0, 0));
        assertThat(t.scale()).isCloseTo(2, within(EPS));
        assertThat(t.rotation()).isCloseTo(Math.PI / 2, within(EPS));
        Point p = t.apply(new Point(3, 1));
        assertThat(p.x()).isCloseTo(-2, within(EPS)); // 0*3 - 2*1
        assertThat(p.y()).isCloseTo(6, within(EPS));  // 2*3 + 0*1
    }

    @Test
    void recoversPureRotationScaleAndTranslationExactly() {
        List<Point> src = Alignment.TEMPLATE_112;
        SimilarityTransform rotation = SimilarityTransform.of(1, Math.toRadians(30), 0, 0);
        SimilarityTransform scale = SimilarityTransform.of(0.37, 0, 0, 0);
        SimilarityTransform translation = SimilarityTransform.of(1, 0, -12.5, 40.25);
        SimilarityTransform all = SimilarityTransform.of(2.5, Math.toRadians(-100), 7, -3);
        for (SimilarityTransform want : List.of(rotation, scale, translation, all)) {
            assertSame(SimilarityTransform.estimate(src, map(want, src)), want);
        }
    }

    @Test
    void templateOntoItselfIsIdentity() {
        SimilarityTransform t = SimilarityTransform.estimate(Alignment.TEMPLATE_112, Alignment.TEMPLATE_112);
        assertSame(t, SimilarityTransform.identity());
    }

    @Test
    void leastSquaresCompromiseMatchesHandSolution() {
        // Horizontal pair wants scale 2, vertical pair scale 1: a = Σ(s·d)/Σ|s|² = (2+2+1+1)/4 = 1.5, b = 0.
        List<Point> src = List.of(new Point(-1, 0), new Point(1, 0), new Point(0, 1), new Point(0, -1));
        List<Point> dst = List.of(new Point(-2, 0), new Point(2, 0), new Point(0, 1), new Point(0, -1));
        assertSame(SimilarityTransform.estimate(src, dst), new SimilarityTransform(1.5, 0, 0, 0));
    }

    @Test
    void mirroredPointsGetTheBestRotationNotAReflection() {
        // dst is src mirrored in x. By hand (centroids (2/3, 1/3) and (−2/3, 1/3)): Σ s·d = −2, Σ s×d = −4/3,
        // Σ |s|² = 10/3, so a = −0.6, b = −0.4, tx = −0.4, ty = 0.8 — a rotation+scale, determinant a²+b² > 0.
        List<Point> src = List.of(new Point(0, 0), new Point(2, 0), new Point(0, 1));
        List<Point> dst = List.of(new Point(0, 0), new Point(-2, 0), new Point(0, 1));
        assertSame(SimilarityTransform.estimate(src, dst), new SimilarityTransform(-0.6, -0.4, -0.4, 0.8));
    }

    @Test
    void inverseAndComposeUndoEachOther() {
        SimilarityTransform t = SimilarityTransform.of(1.7, 0.4, 12, -8);
        assertSame(t.compose(t.inverse()), SimilarityTransform.identity());
        assertSame(t.inverse().compose(t), SimilarityTransform.identity());
        Point p = new Point(5.5, -2);
        Point back = t.inverse().apply(t.apply(p));
        assertThat(back.x()).isCloseTo(p.x(), within(EPS));
        assertThat(back.y()).isCloseTo(p.y(), within(EPS));
    }

    @Test
    void rejectsDegenerateInput() {
        assertThatThrownBy(() -> SimilarityTransform.estimate(List.of(new Point(1, 1)), List.of(new Point(1, 1))))
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> SimilarityTransform.estimate(
                List.of(new Point(1, 1), new Point(1, 1)), List.of(new Point(0, 0), new Point(1, 1))))
                .hasMessageContaining("same");
        assertThatThrownBy(() -> SimilarityTransform.estimate(
                List.of(new Point(1, 1), new Point(2, 1)), List.of(new Point(0, 0))))
                .hasMessageContaining("differ");
        assertThatThrownBy(() -> new SimilarityTransform(0, 0, 1, 1).inverse()).isInstanceOf(IllegalStateException.class);
    }
}
