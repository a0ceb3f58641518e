package io.facecheck.eval;

/**
 * One reading of a soak run: what the process holds after {@code seconds} of running and {@code frames} analysed.
 *
 * @param rssMb    resident set size (native memory included: TensorFlow, FFmpeg, H2's caches), MiB
 * @param heapMb   Java heap in use, MiB (goes up and down with the collector; RSS is what a leak shows in)
 * @param threads  the process's threads as the system counts them (JVM, TensorFlow's and FFmpeg's native ones)
 * @param javaThreads live Java threads
 * @param fds      open file descriptors, -1 where the system cannot tell
 */
public record SoakSample(double seconds, long frames, long checkIns, double rssMb, double heapMb, int threads,
                         int javaThreads, int fds) {
    static final String CSV_HEADER = "seconds,frames,check_ins,rss_mb,heap_mb,threads,java_threads,fds";

    String csvLine() {
        return String.format(java.util.Locale.ROOT, "%.1f,%d,%d,%.1f,%.1f,%d,%d,%d", seconds, frames, checkIns,
                rssMb, heapMb, threads, javaThreads, fds);
    }

    static SoakSample parseCsv(String line) {
        String[] f = line.split(",");
        if (f.length != 8) {
            throw new IllegalArgumentException("not a soak sample line (8 fields): " + line);
        }
        return new SoakSample(Double.parseDouble(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Double.parseDouble(f[3]), Double.parseDouble(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]),
                Integer.parseInt(f[7]));
    }
}
