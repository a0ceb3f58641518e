package io.facecheck.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A soak run's samples as CSV, one line written and flushed per sample: a run stopped after hours (killed, the
 * machine rebooted) leaves every sample taken so far, and the file can be read while the run goes on.
 */
public final class SoakLog implements AutoCloseable {
    private final BufferedWriter out;
    private final List<SoakSample> samples = new ArrayList<>();

    public SoakLog(Path csv) throws IOException {
        out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        out.write(SoakSample.CSV_HEADER);
        out.newLine();
        out.flush();
    }

    public synchronized void add(SoakSample s) throws IOException {
        samples.add(s);
        out.write(s.csvLine());
        out.newLine();
        out.flush();
    }

    public synchronized List<SoakSample> samples() {
        return List.copyOf(samples);
    }

    /** The samples of a CSV this class wrote. */
    public static List<SoakSample> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(SoakSample.CSV_HEADER)) {
            throw new IOException(csv + ": not a soak CSV (first line should be " + SoakSample.CSV_HEADER + ")");
        }
        List<SoakSample> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                try {
                    out.add(SoakSample.parseCsv(lines.get(i)));
                } catch (IllegalArgumentException e) {
                    throw new IOException(csv + " line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
