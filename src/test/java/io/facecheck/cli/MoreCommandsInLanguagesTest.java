package io.facecheck.cli;

import io.facecheck.store.StoreKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands and service messages converted last (shifts, events, schedule, employees list) in the user's
 * language, and CJK names lined up by the columns a terminal gives them. In-process, a real H2 file; no engine.
 */
class MoreCommandsInLanguagesTest {
    @TempDir
    Path dir;
    String url;

    @BeforeEach
    void database() {
        url = StoreKind.H2.newUrl(dir);
        StoreKind.H2.open(url).close();
    }

    @Test
    void anOptionErrorIsJapaneseUnderLangJaAndEnglishUnderLangEn() {
        CliRun ja = run("shifts", "add", "Early", "--start", "06:00", "--lang", "ja");
        assertThat(ja.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(ja.err()).isEqualTo("facecheck: 固定シフトには --start と --end が必要です"
                + "（フレックスなら --flexible --hours --earliest --latest）\n");
        CliRun en = run("shifts", "add", "Early", "--start", "06:00", "--lang", "en");
        assertThat(en.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(en.err()).isEqualTo("facecheck: a fixed shift needs --start and --end "
                + "(or --flexible --hours --earliest --latest)\n");
    }

    @Test
    void aBadImportFileIsNamedInTheUsersLanguage() throws Exception {
        Path events = Files.writeString(dir.resolve("events.csv"), "code,at,direction\nA1,yesterday,IN\n");
        ok("employees", "add", "--code", "A1", "--name", "王芳");
        CliRun zh = run("events", "import", events.toString(), "--lang", "zh-CN");
        assertThat(zh.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(zh.err()).isEqualTo("facecheck: " + events + " 第 2 行：“yesterday”不是 2026-03-02T08:55:00Z 这样的时间点\n");
        CliRun en = run("events", "import", events.toString(), "--lang", "en");
        assertThat(en.err()).isEqualTo("facecheck: " + events
                + " line 2: 'yesterday' is not an instant like 2026-03-02T08:55:00Z\n");
    }

    @Test
    void theOutputOfAShiftIsInTheUsersLanguage() {
        assertThat(ok("shifts", "add", "Early", "--start", "06:00", "--end", "14:00", "--lang", "ja").out())
                .isEqualTo("シフト Early を追加しました\n");
        assertThat(ok("shifts", "list", "--lang", "zh-CN").out()).contains("Early", "06:00-14:00", "宽限");
    }

    @Test
    void employeesListLinesUpCjkNamesByTheirWidth() {
        ok("employees", "add", "--code", "A1", "--name", "王芳");
        ok("employees", "add", "--code", "A2", "--name", "山田太郎");
        ok("employees", "add", "--code", "A3", "--name", "Zoë");
        List<String> lines = ok("employees", "list").out().lines().toList();
        assertThat(lines).hasSize(3);
        // the department column (empty) and the templates count start in the same terminal column on every line
        List<Integer> columns = lines.stream()
                .map(l -> DisplayWidth.of(l.substring(0, l.indexOf("0 templates")))).toList();
        assertThat(columns).as(String.join("\n", lines)).containsOnly(columns.get(0));
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(url);
        return CliRun.of(all.toArray(String[]::new));
    }

    private CliRun ok(String... args) {
        CliRun r = run(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }
}
