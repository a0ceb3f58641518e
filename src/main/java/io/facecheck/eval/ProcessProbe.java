package io.facecheck.eval;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reads what this process holds right now: resident memory and open descriptors from {@code /proc/self} (native
 * memory never shows in the Java heap), heap in use and live threads from the JVM.
 */
public final class ProcessProbe {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path FDS = Path.of("/proc/self/fd");

    private ProcessProbe() {
    }

    /** The process now, after {@code seconds} of running with {@code frames} analysed and {@code checkIns} logged. */
    public static SoakSample sample(double seconds, long frames, long checkIns) {
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
        int javaThreads = ManagementFactory.getThreadMXBean().getThreadCount();
        long rssKb = status("VmRSS:");
        long threads = status("Threads:");
        double rss = rssKb >= 0 ? rssKb / 1024.0 : committedMb();
        return new SoakSample(seconds, frames, checkIns, rss, heap, threads >= 0 ? (int) threads : javaThreads,
                javaThreads, openFds());
    }

    /** The number of a {@code /proc/self/status} line ("VmRSS:	  123456 kB", "Threads:	42"), or -1 without /proc. */
    static long status(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** Where there is no /proc: the JVM's committed memory, the nearest it can tell of its footprint. */
    static double committedMb() {
        var m = ManagementFactory.getMemoryMXBean();
        return (m.getHeapMemoryUsage().getCommitted() + m.getNonHeapMemoryUsage().getCommitted()) / 1048576.0;
    }

    /** Entries of {@code /proc/self/fd} (the listing's own descriptor not counted), or -1 without /proc. */
    static int openFds() {
        try (Stream<Path> s = Files.list(FDS)) {
            return (int) s.count() - 1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
