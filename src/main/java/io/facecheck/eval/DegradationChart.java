package io.facecheck.eval;

import io.facecheck.fonts.BundledFont;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TAR at FAR 1e-3 against each degradation (one panel per kind, sharing the TAR axis), one line per detector ×
 * embedder combination, drawn with JFreeChart. The FaceNet paper's Table 4 is drawn beside the measured lines
 * (dashed) on the JPEG and pixel panels; face pixels are on a log axis as the paper's sizes are squares.
 */
public final class DegradationChart {

    /** FaceNet (Schroff, Kalenichenko, Philbin, CVPR 2015), Table 4: VAL at FAR 1e-3 of NN1 on its hold-out set. */
    public static final Map<String, Map<Double, Double>> FACENET_TABLE4 = Map.of(
            "jpeg", mapOf(10, 0.673, 20, 0.814, 30, 0.839, 50, 0.855, 70, 0.861, 90, 0.865),
            "pixels", mapOf(1600, 0.378, 6400, 0.795, 14400, 0.845, 25600, 0.857, 65536, 0.864));

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    /** One measured point: combination, degradation, TAR at FAR 1e-3. */
    public record Point(String combination, Degradation degradation, double tarAtFar1e3) {
    }

    private DegradationChart() {
    }

    private static Map<Double, Double> mapOf(double... kv) {
        Map<Double, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The chart: one panel per kind present in {@code points}, in order of first appearance. */
    public static JFreeChart chart(List<Point> points, String title) {
        Set<String> kinds = new LinkedHashSet<>();
        Set<String> combos = new LinkedHashSet<>();
        for (Point p : points) {
            kinds.add(p.degradation().kind());
            combos.add(p.combination());
        }
        NumberAxis tar = withBundledFont(new NumberAxis("TAR at FAR 1e-3"));
        tar.setRange(0, 1.02);
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(tar);
        plot.setGap(12);
        for (String kind : kinds) {
            XYSeriesCollection data = new XYSeriesCollection();
            List<String> seriesCombos = new ArrayList<>(combos);
            for (String combo : combos) {
                XYSeries s = new XYSeries(combo, true, false);
                for (Point p : points) {
                    if (p.combination().equals(combo) && p.degradation().kind().equals(kind)) {
                        s.add(p.degradation().level(), p.tarAtFar1e3());
                    }
                }
                data.addSeries(s);
            }
            Map<Double, Double> paper = FACENET_TABLE4.get(kind);
            if (paper != null) {
                XYSeries s = new XYSeries("FaceNet NN1, Table 4 (its own hold-out set)", true, false);
                paper.forEach(s::add);
                data.addSeries(s);
            }
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
            for (int i = 0; i < seriesCombos.size(); i++) {
                r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
                r.setSeriesStroke(i, new BasicStroke(2f));
            }
            if (paper != null) {
                int i = seriesCombos.size();
                r.setSeriesPaint(i, Color.GRAY);
                r.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[]{6f, 4f}, 0f));
            }
            // Only the first panel's legend items are shown, once, at the bottom of the chart; later panels hide
            // the repeated combinations but keep the paper's line when the first panel has none.
            if (!kind.equals(kinds.iterator().next())) {
                for (int i = 0; i < seriesCombos.size(); i++) {
                    r.setSeriesVisibleInLegend(i, false);
                }
                if (paper != null && FACENET_TABLE4.containsKey(kinds.iterator().next())) {
                    r.setSeriesVisibleInLegend(seriesCombos.size(), false);
                }
            }
            XYPlot sub = new XYPlot(data, withBundledFont(axis(kind)), null, r);
            sub.setBackgroundPaint(Color.WHITE);
            sub.setDomainGridlinePaint(new Color(0xdddddd));
            sub.setRangeGridlinePaint(new Color(0xdddddd));
            plot.add(sub, 1);
        }
        JFreeChart chart = new JFreeChart(null, BundledFont.awt(Font.BOLD, 14), plot, true);
        chart.addSubtitle(new TextTitle(title, BundledFont.awt(Font.BOLD, 14)));
        chart.getLegend().setItemFont(BundledFont.awt(Font.PLAIN, 12));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * JFreeChart's own fonts are the logical SansSerif, which draws CJK as boxes where the system has no CJK font;
     * the same sizes (12 and 10 points) in the bundled font.
     */
    private static <A extends ValueAxis> A withBundledFont(A axis) {
        axis.setLabelFont(BundledFont.awt(Font.PLAIN, 12));
        axis.setTickLabelFont(BundledFont.awt(Font.PLAIN, 10));
        return axis;
    }

    private static ValueAxis axis(String kind) {
        return switch (kind) {
            case "jpeg" -> {
                NumberAxis a = new NumberAxis("JPEG quality");
                a.setRange(0, 100);
                yield a;
            }
            case "pixels" -> {
                LogAxis a = new LogAxis("face pixels (log; 1,600 = 40x40, 65,536 = 256x256)");
                a.setBase(10);
                a.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ROOT));
                a.setRange(300, 100_000);
                yield a;
            }
            case "blur" -> new NumberAxis("Gaussian blur sigma (px)");
            case "dark" -> new NumberAxis("gamma (darker →)");
            default -> new NumberAxis(kind);
        };
    }

    /** Writes the chart as a PNG through a temporary file moved into place (no half-written image). */
    public static void write(List<Point> points, String title, Path png) throws IOException {
        Set<String> kinds = new LinkedHashSet<>();
        points.forEach(p -> kinds.add(p.degradation().kind()));
        JFreeChart chart = chart(points, title);
        ChartFiles.writeAtomically(png, f -> ChartUtils.saveChartAsPNG(f.toFile(), chart,
                Math.max(600, 420 * kinds.size()), 520));
    }
}
