package io.facecheck.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * What a soak run's samples say once the warm-up is left out (the models' first allocations, the JIT, the heap
 * growing to its working size, H2's cache filling): the least-squares line through RSS, threads and descriptors
 * against time. A leak is a line that climbs; a plateau, however high, is not one.
 *
 * @param warmupSeconds   samples before this are left out: the first 10 minutes, or the first 10 % of a run shorter
 *                        than 100 minutes
 * @param samples         samples after the warm-up that the lines are fitted to
 * @param rssStartMb      the RSS line at the end of the warm-up, MiB
 * @param rssGrowthMb     how much the RSS line climbs from the end of the warm-up to the last sample, MiB
 * @param rssGrowthPercent {@code rssGrowthMb} as a percentage of {@code rssStartMb}
 * @param rssMbPerHour    the RSS line's slope
 * @param threadsGrowth   how much the thread line climbs over the same span (0 for a constant count)
 * @param fdsGrowth       likewise for open descriptors
 * @param leak            a clear leak: RSS climbing more than {@value #LEAK_RSS_MB} MiB, threads climbing by
 *                        {@value #LEAK_THREADS} or more, or descriptors by {@value #LEAK_FDS} or more
 * @param meetsTarget     the target: RSS growth under {@value #TARGET_RSS_PERCENT} % after the warm-up,
 *                        threads and descriptors constant (their lines climb less than one)
 */
public record SoakVerdict(double warmupSeconds, int samples, double rssStartMb, double rssGrowthMb,
                          double rssGrowthPercent, double rssMbPerHour, int threadsMin, int threadsMax,
                          double threadsGrowth, int fdsMin, int fdsMax, double fdsGrowth, boolean leak,
                          boolean meetsTarget, List<String> findings) {
    public static final double LEAK_RSS_MB = 50;
    public static final double LEAK_THREADS = 2;
    /** Looser than threads: H2 opens and closes its files, and a log file may roll over. */
    public static final double LEAK_FDS = 10;
    public static final double TARGET_RSS_PERCENT = 5;
    static final double WARMUP_CAP_SECONDS = 600;
    static final double WARMUP_FRACTION = 0.1;
    static final int MIN_SAMPLES = 3;

    public SoakVerdict {
        findings = List.copyOf(findings);
    }

    /** The warm-up of a run lasting {@code seconds}: 10 minutes, or 10 % of a run shorter than 100 minutes. */
    public static double warmupSeconds(double seconds) {
        return Math.min(WARMUP_CAP_SECONDS, WARMUP_FRACTION * seconds);
    }

    /**
     * The verdict on samples in time order.
     *
     * @throws IllegalArgumentException with fewer than {@value #MIN_SAMPLES} samples after the warm-up
     */
    public static SoakVerdict of(List<SoakSample> all) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double warmup = warmupSeconds(all.get(all.size() - 1).seconds());
        List<SoakSample> s = all.stream().filter(x -> x.seconds() >= warmup).toList();
        if (s.size() < MIN_SAMPLES) {
            throw new IllegalArgumentException("only " + s.size() + " samples after the warm-up of " + (int) warmup
                    + " s; at least " + MIN_SAMPLES + " are needed (run longer or sample more often)");
        }
        double[] t = s.stream().mapToDouble(SoakSample::seconds).toArray();
        double span = t[t.length - 1] - t[0];
        Line rss = Line.fit(t, s.stream().mapToDouble(SoakSample::rssMb).toArray());
        Line threads = Line.fit(t, s.stream().mapToDouble(SoakSample::threads).toArray());
        Line fds = Line.fit(t, s.stream().mapToDouble(SoakSample::fds).toArray());
        double rssStart = rss.at(t[0]);
        double rssGrowth = rss.slope() * span;
        double rssPercent = rssStart > 0 ? 100 * rssGrowth / rssStart : 0;
        double threadsGrowth = threads.slope() * span;
        double fdsGrowth = fds.slope() * span;
        List<String> findings = new ArrayList<>();
        if (rssGrowth > LEAK_RSS_MB) {
            findings.add(String.format(java.util.Locale.ROOT, "RSS climbs %.1f MiB after the warm-up (limit %.0f)",
                    rssGrowth, LEAK_RSS_MB));
        }
        if (threadsGrowth >= LEAK_THREADS) {
            findings.add(String.format(java.util.Locale.ROOT, "threads climb by %.1f (%d to %d)", threadsGrowth,
                    s.get(0).threads(), s.get(s.size() - 1).threads()));
        }
        if (fdsGrowth >= LEAK_FDS) {
            findings.add(String.format(java.util.Locale.ROOT, "open descriptors climb by %.1f (%d to %d)", fdsGrowth,
                    s.get(0).fds(), s.get(s.size() - 1).fds()));
        }
        boolean target = rssPercent < TARGET_RSS_PERCENT && threadsGrowth < 1 && fdsGrowth < 1;
        return new SoakVerdict(warmup, s.size(), rssStart, rssGrowth, rssPercent, rss.slope() * 3600,
                s.stream().mapToInt(SoakSample::threads).min().orElse(0),
                s.stream().mapToInt(SoakSample::threads).max().orElse(0), threadsGrowth,
                s.stream().mapToInt(SoakSample::fds).min().orElse(0),
                s.stream().mapToInt(SoakSample::fds).max().orElse(0), fdsGrowth, !findings.isEmpty(), target,
                findings);
    }

    /** y = intercept + slope·x by least squares. */
    record Line(double intercept, double slope) {
        static Line fit(double[] x, double[] y) {
            int n = x.length;
            double mx = 0;
            double my = 0;
            for (int i = 0; i < n; i++) {
                mx += x[i] / n;
                my += y[i] / n;
            }
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < n; i++) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
            }
            double slope = sxx == 0 ? 0 : sxy / sxx;
            return new Line(my - slope * mx, slope);
        }

        double at(double x) {
            return intercept + slope * x;
        }
    }
}
