package io.facecheck.attendance;

import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.Subprocess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DurabilityTest {
    @TempDir
    Path dir;

    @Test
    void everyReportedCheckInSurvivesSigkillMidLoop() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("fc");
        try (Database db = Database.open(url)) {
            var employees = new EmployeeRepository(db);
            for (int i = 0; i < 5; i++) {
                employees.create("E" + i, "Employee " + i, null);
            }
        }
        Process loop = Subprocess.java(CheckInLoopMain.class, url);
        List<String> reported = new ArrayList<>();
        BufferedReader out = Subprocess.stdout(loop);
        int killAfter = 40 + ThreadLocalRandom.current().nextInt(40);
        try {
            String line;
            while ((line = out.readLine()) != null) {
                reported.add(line);
                if (reported.size() == killAfter) {
                    // SIGKILL (on Unix): no shutdown hooks, no H2 close. Through the handle, so that our end
                    // of the pipe stays open and what the process printed before dying can still be read.
                    loop.toHandle().destroyForcibly();
                    break;
                }
            }
            assertThat(loop.waitFor(20, TimeUnit.SECONDS)).isTrue();
            // lines already in the pipe were reported too
            while ((line = out.readLine()) != null) {
                reported.add(line);
            }
        } finally {
            loop.destroyForcibly();
        }
        assertThat(loop.exitValue()).isEqualTo(137);
        assertThat(reported).hasSizeGreaterThanOrEqualTo(killAfter);

        try (Database db = Database.open(url)) {
            Map<Long, CheckInEvent> stored = new EventRepository(db).all().stream()
                    .collect(Collectors.toMap(CheckInEvent::id, Function.identity()));
            for (String r : reported) {
                String[] f = r.split(" ");
                CheckInEvent e = stored.get(Long.parseLong(f[1]));
                assertThat(e).as("reported event %s", r).isNotNull();
                assertThat(e.code()).isEqualTo(f[2]);
                assertThat(e.at()).hasToString(f[3]);
                assertThat(e.direction().name()).isEqualTo(f[4]);
            }
            // nothing logged twice: at most one event beyond those reported (committed, then killed before print)
            assertThat(stored.size()).isBetween(reported.size(), reported.size() + 1);
        }
    }
}
