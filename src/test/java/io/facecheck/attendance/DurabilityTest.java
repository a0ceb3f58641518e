package io.facecheck.attendance;

import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.Subprocess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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
        int killAfter = 40 + ThreadLocalRandom.current().nextInt(40);
        List<String> reported = Subprocess.linesUntilKilled(Subprocess.java(CheckInLoopMain.class, url), killAfter);

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
