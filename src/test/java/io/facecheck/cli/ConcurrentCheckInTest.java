package io.facecheck.cli;

import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.FaceKeys;
import io.facecheck.store.Subprocess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two check-ins in two processes that open one H2 file ({@code AUTO_SERVER=TRUE}) at the same moment: the one that
 * does not get the file first meets H2's hand-over of the file ("Lock file recently modified", "in use", a
 * connection to the other's server broken as it closes), which must not cost its check-in. Each process is a real
 * JVM opening the database the way {@code checkin} does ({@link CheckInOnceMain}); they wait behind barrier files so
 * that their opens collide.
 */
@Execution(ExecutionMode.CONCURRENT) // its own JVMs: it runs beside the rest of the suite (junit-platform.properties)
class ConcurrentCheckInTest {
    private static final int PAIRS = 30;
    private static final Instant BASE = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void thirtyPairsOpeningAtOnceLoseNoCheckIn() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("fc") + ";AUTO_SERVER=TRUE";
        Path key = dir.resolve("facecheck.key");
        try (Database db = Database.open(url, FaceKeys.file(key))) {
            new EmployeeRepository(db).create("A", "Ann", null);
            new EmployeeRepository(db).create("B", "Bob", null);
        }

        List<String> failures = new ArrayList<>();
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < PAIRS; i++) {
            Path barrier = dir.resolve("go-" + i);
            Instant atA = BASE.plusSeconds(60L * i);
            Instant atB = atA.plusSeconds(30);
            // a third of the pairs open at the same moment; in the others B starts once A holds the file and A
            // closes it after a pause that sweeps across B's open (through A's server) on any machine's speed
            boolean together = i % 3 == 0;
            Path opened = dir.resolve("opened-" + i);
            Process a = together
                    ? Subprocess.quickJava(CheckInOnceMain.class, url, key.toString(), barrier.toString(), "A",
                    atA.toString())
                    : Subprocess.quickJava(CheckInOnceMain.class, url, key.toString(), barrier.toString(), "A",
                    atA.toString(), opened.toString(), Long.toString(50L * i));
            Process b = Subprocess.quickJava(CheckInOnceMain.class, url, key.toString(),
                    (together ? barrier : opened).toString(), "B", atB.toString());
            try {
                BufferedReader outA = Subprocess.stdout(a);
                BufferedReader outB = Subprocess.stdout(b);
                assertThat(outA.readLine()).isEqualTo("READY");
                assertThat(outB.readLine()).isEqualTo("READY");
                Files.createFile(barrier);
                for (var run : List.of(new Object[]{a, outA, "A " + atA}, new Object[]{b, outB, "B " + atB})) {
                    Process p = (Process) run[0];
                    String rest = ((BufferedReader) run[1]).lines().reduce("", (x, y) -> x + y + "\n");
                    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pair " + i + " ended").isTrue();
                    if (!Files.exists(opened)) {
                        Files.createFile(opened); // A failed to open: B goes anyway
                    }
                    if (p.exitValue() != 0) {
                        failures.add("pair " + i + ", " + run[2] + ": exit " + p.exitValue() + ": " + rest.trim());
                    } else {
                        assertThat(rest).startsWith("EVENT ");
                    }
                    expected.merge((String) run[2], 1, Integer::sum);
                }
            } finally {
                a.destroyForcibly();
                b.destroyForcibly();
            }
        }
        assertThat(failures).as("check-ins whose open failed").isEmpty();

        Path csv = dir.resolve("events.csv");
        CliRun report = CliRun.of("report", "--db", url, "--key-file", key.toString(), "--from", "2026-03-01",
                "--to", "2026-03-03", "--no-bom", "--out", csv.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        Map<String, Integer> reported = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int code = header.indexOf("code");
        int timestamp = header.indexOf("timestamp");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            reported.merge(cells[code] + " " + OffsetDateTime.parse(cells[timestamp]).toInstant(), 1, Integer::sum);
        }
        assertThat(reported).as("every check-in in the report once").isEqualTo(expected);
    }
}
