package io.facecheck.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The soak's verdict: a climbing line is a leak, a plateau reached during the warm-up is not. */
class SoakVerdictTest {
    @TempDir
    Path dir;

    /** Samples every minute for {@code minutes}, RSS and threads from the given functions of the minute. */
    private static List<SoakSample> run(int minutes, java.util.function.IntToDoubleFunction rss,
                                        java.util.function.IntUnaryOperator threads) {
        List<SoakSample> out = new ArrayList<>();
        for (int m = 0; m <= minutes; m++) {
            out.add(new SoakSample(m * 60, m * 600L, m / 5, rss.applyAsDouble(m), 100 + (m % 3) * 40,
                    threads.applyAsInt(m), 13, 111));
        }
        return out;
    }

    @Test
    void aPlateauReachedDuringTheWarmUpMeetsTheTarget() {
        // 600 MiB at start, 750 by minute 8 (models, JIT, heap), then flat with the collector's noise
        SoakVerdict v = SoakVerdict.of(run(360, m -> m < 8 ? 600 + m * 19 : 750 + (m % 4) * 3, m -> 44));
        assertThat(v.warmupSeconds()).isEqualTo(600);
        assertThat(v.leak()).isFalse();
        assertThat(v.meetsTarget()).isTrue();
        assertThat(v.rssGrowthPercent()).isBetween(-1.0, 1.0);
        assertThat(v.threadsGrowth()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void rssClimbingSteadilyIsALeakWithItsRateInMegabytesPerHour() {
        // 20 MiB a minute for 3 minutes, sampled every 10 s: 60 MiB in all, 1200 MiB an hour
        List<SoakSample> s = new ArrayList<>();
        for (int i = 0; i <= 18; i++) {
            s.add(new SoakSample(i * 10, i * 300L, 1, 700 + i * 10 / 3.0, 100, 44, 13, 111));
        }
        SoakVerdict v = SoakVerdict.of(s);
        assertThat(v.warmupSeconds()).isEqualTo(18);
        assertThat(v.rssMbPerHour()).isCloseTo(1200, org.assertj.core.data.Offset.offset(0.5));
        assertThat(v.rssGrowthMb()).isGreaterThan(SoakVerdict.LEAK_RSS_MB);
        assertThat(v.leak()).isTrue();
        assertThat(v.findings()).singleElement().asString().startsWith("RSS climbs");
    }

    @Test
    void growthUnderFiftyMegabytesIsNoClearLeakButMissesTheFivePercentTarget() {
        SoakVerdict v = SoakVerdict.of(run(360, m -> 700 + m * 0.12, m -> 44)); // ~42 MiB over 5.8 h: 6 %
        assertThat(v.leak()).isFalse();
        assertThat(v.rssGrowthPercent()).isGreaterThan(SoakVerdict.TARGET_RSS_PERCENT);
        assertThat(v.meetsTarget()).isFalse();
    }

    @Test
    void threadsClimbingIsALeakEvenWithFlatMemory() {
        SoakVerdict v = SoakVerdict.of(run(30, m -> 700, m -> 44 + m / 5));
        assertThat(v.leak()).isTrue();
        assertThat(v.findings()).singleElement().asString().startsWith("threads climb");
        assertThat(v.threadsMax()).isEqualTo(50);
    }

    @Test
    void tooFewSamplesAfterTheWarmUpAreRefused() {
        assertThatThrownBy(() -> SoakVerdict.of(run(1, m -> 700, m -> 44)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("samples after the warm-up");
    }

    /**
     * A real, deliberately leaking run of this JVM: native memory held (direct buffers, outside the heap, as a
     * TensorFlow tensor or FFmpeg frame that is never freed) and threads started and never ended, sampled by the
     * probe the soak uses. The verdict must call it a leak, and the CSV and plot must carry it.
     */
    @Test
    void aRunThatLeaksNativeMemoryAndThreadsIsCaught() throws Exception {
        List<ByteBuffer> held = new ArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> parked = new ArrayList<>();
        Path csv = dir.resolve("soak.csv");
        List<SoakSample> samples;
        try (SoakLog log = new SoakLog(csv)) {
            for (int i = 0; i <= 10; i++) {
                log.add(ProcessProbe.sample(i, i * 10L, 0));
                ByteBuffer b = ByteBuffer.allocateDirect(16 << 20);
                for (int p = 0; p < b.capacity(); p += 4096) {
                    b.put(p, (byte) 1); // touched: resident, not just reserved
                }
                held.add(b);
                Thread t = new Thread(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "leaked-" + i);
                t.setDaemon(true);
                t.start();
                parked.add(t);
            }
            samples = log.samples();
        } finally {
            release.countDown();
        }
        for (Thread t : parked) {
            t.join(5_000);
        }
        SoakVerdict v = SoakVerdict.of(samples);
        assertThat(v.rssGrowthMb()).as("16 MiB held per sample: %s", samples).isGreaterThan(100);
        assertThat(v.threadsGrowth()).isGreaterThanOrEqualTo(8);
        assertThat(v.leak()).isTrue();
        assertThat(v.findings()).hasSize(2);
        assertThat(samples.get(0).fds()).isPositive();
        // the CSV keeps a tenth of a MiB
        List<SoakSample> read = SoakLog.read(csv);
        assertThat(read).hasSameSizeAs(samples);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).rssMb()).isCloseTo(samples.get(i).rssMb(), org.assertj.core.data.Offset.offset(0.06));
            assertThat(read.get(i).threads()).isEqualTo(samples.get(i).threads());
        }
        Path png = dir.resolve("soak.png");
        SoakChart.write(samples, "leaking run", png);
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(900);
        held.clear();
    }
}
