package io.facecheck.eval;

import io.facecheck.fonts.BundledFont;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
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
import java.util.List;

/**
 * A soak run over time, three panels on one time axis: memory (RSS and heap in use), threads and open descriptors,
 * frames analysed. The warm-up the verdict leaves out is marked.
 */
public final class SoakChart {
    private SoakChart() {
    }

    public static void write(List<SoakSample> samples, String title, Path png) throws IOException {
        double minutesScale = samples.isEmpty() || samples.get(samples.size() - 1).seconds() < 7200 ? 60 : 3600;
        String unit = minutesScale == 60 ? "minutes" : "hours";
        XYSeries rss = new XYSeries("RSS (MiB)");
        XYSeries heap = new XYSeries("Java heap in use (MiB)");
        XYSeries threads = new XYSeries("threads (all)");
        XYSeries javaThreads = new XYSeries("Java threads");
        XYSeries fds = new XYSeries("open descriptors");
        XYSeries frames = new XYSeries("frames analysed (thousands)");
        for (SoakSample s : samples) {
            double x = s.seconds() / minutesScale;
            rss.add(x, s.rssMb());
            heap.add(x, s.heapMb());
            threads.add(x, s.threads());
            javaThreads.add(x, s.javaThreads());
            if (s.fds() >= 0) {
                fds.add(x, s.fds());
            }
            frames.add(x, s.frames() / 1000.0);
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("time (" + unit + ")"));
        plot.setGap(12);
        plot.add(panel("MiB", rss, heap), 3);
        plot.add(panel("count", threads, javaThreads, fds), 2);
        plot.add(panel("frames (k)", frames), 1);
        if (!samples.isEmpty()) {
            double warmup = SoakVerdict.warmupSeconds(samples.get(samples.size() - 1).seconds()) / minutesScale;
            for (Object p : plot.getSubplots()) {
                ValueMarker m = new ValueMarker(warmup, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
                ((XYPlot) p).addDomainMarker(m);
            }
        }
        JFreeChart chart = new JFreeChart(null, BundledFont.awt(Font.BOLD, 14), plot, true);
        chart.addSubtitle(new TextTitle(title, BundledFont.awt(Font.PLAIN, 13)));
        chart.setBackgroundPaint(Color.WHITE);
        ChartFiles.writeAtomically(png, f -> ChartUtils.saveChartAsPNG(f.toFile(), chart, 900, 700));
    }

    private static XYPlot panel(String axis, XYSeries... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) {
            data.addSeries(s);
        }
        NumberAxis y = new NumberAxis(axis);
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        Color[] palette = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0xd62728)};
        for (int i = 0; i < series.length; i++) {
            r.setSeriesPaint(i, palette[i % palette.length]);
            r.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        XYPlot p = new XYPlot(data, null, y, r);
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(new Color(0xdddddd));
        p.setRangeGridlinePaint(new Color(0xdddddd));
        return p;
    }
}
