package io.facecheck.cli;

import io.facecheck.attendance.CsvReports;
import io.facecheck.store.StoreKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands on a database in Chinese and Japanese: what they print and their errors. {@code report} in a language:
 * the CSV keeps its English machine headers unless {@code --headers localized}; the
 * XLSX timesheet is named and headed in the {@code --lang} language with the same figures. In-process, a real H2
 * file.
 */
class CommandsInLanguagesTest {
    @TempDir
    Path dir;
    String url;

    @BeforeEach
    void twoEvents() throws Exception {
        url = StoreKind.H2.newUrl(dir);
        StoreKind.H2.open(url).close();
        Path staff = Files.writeString(dir.resolve("staff.csv"), "A1,王小明,研发部\n");
        Path events = Files.writeString(dir.resolve("events.csv"), String.join("\n", "code,at,direction",
                "A1,2026-03-02T09:10:00+01:00,IN", "A1,2026-03-02T17:00:00+01:00,OUT", ""));
        ok("employees", "import", staff.toString());
        ok("events", "import", events.toString());
    }

    @Test
    void theCsvKeepsItsMachineHeadersUnlessAskedForLocalizedOnes() throws Exception {
        Path machine = dir.resolve("machine.csv");
        Path japanese = dir.resolve("ja.csv");
        CliRun plain = ok("report", "--from", "2026-03-02", "--to", "2026-03-02", "--zone", "Europe/Berlin", "--out",
                machine.toString(), "--lang", "ja");
        assertThat(plain.out()).as("the message is Japanese").contains("打刻 2 件を");
        ok("report", "--from", "2026-03-02", "--to", "2026-03-02", "--zone", "Europe/Berlin", "--out",
                japanese.toString(), "--lang", "ja", "--headers", "localized");

        List<String> m = lines(machine);
        List<String> j = lines(japanese);
        assertThat(m.get(0)).isEqualTo(String.join(",", CsvReports.EVENT_COLUMNS));
        assertThat(j.get(0)).startsWith("ID,社員番号,氏名,部署,日付,時刻");
        assertThat(j.subList(1, j.size())).as("the same rows").isEqualTo(m.subList(1, m.size()));
    }

    @Test
    void theXlsxTimesheetInChineseHasChineseSheetsAndTheFiguresOfTheEnglishOne() throws Exception {
        Path en = dir.resolve("march-en.xlsx");
        Path zh = dir.resolve("march-zh.xlsx");
        ok("report", "--timesheet", "--from", "2026-03-02", "--to", "2026-03-04", "--zone", "Europe/Berlin", "--out",
                en.toString());
        CliRun r = ok("--lang", "zh-CN", "report", "--timesheet", "--from", "2026-03-02", "--to", "2026-03-04",
                "--zone", "Europe/Berlin", "--out", zh.toString());
        assertThat(r.out()).contains("考勤表");

        TimesheetFiles.Workbook english = TimesheetFiles.xlsx(en);
        TimesheetFiles.Workbook chinese = TimesheetFiles.xlsx(zh);
        assertThat(chinese.sheetNames()).hasSize(3)
                .allSatisfy(name -> assertThat(name).matches(".*\\p{IsHan}.*"));
        for (int i = 0; i < 3; i++) {
            String zhSheet = chinese.sheetNames().get(i);
            String enSheet = english.sheetNames().get(i);
            assertThat(chinese.text(zhSheet).get(0)).as(zhSheet)
                    .allSatisfy(h -> assertThat(h).matches(".*\\p{IsHan}.*"));
            assertThat(chinese.text(zhSheet)).as("%s has the rows of %s", zhSheet, enSheet)
                    .hasSameSizeAs(english.text(enSheet));
        }
        String zhEvents = chinese.sheetNames().get(2);
        assertThat(chinese.asCsvText(zhEvents).get(1)).contains("A1", "王小明", "2026-03-02 09:10:00");
    }

    @Test
    void employeesAndTheirErrorsInChineseAndJapanese() {
        CliRun show = ok("employees", "show", "A1", "--lang", "zh-CN");
        assertThat(show.out()).contains("工号：A1", "姓名：王小明", "部门：研发部", "在职：是");
        CliRun missing = CliRun.of("employees", "show", "ZZ", "--lang", "ja", "--db", url);
        assertThat(missing.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).isEqualTo("facecheck: 社員番号 ZZ の従業員はいません\n");
        CliRun badDate = CliRun.of("report", "--from", "3/2", "--to", "2026-03-02", "--out", "-", "--lang", "ja",
                "--db", url);
        assertThat(badDate.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(badDate.err()).contains("--from 3/2 は 2026-03-01 のような日付ではありません");
    }

    private CliRun ok(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(url);
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    private static List<String> lines(Path csv) throws Exception {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        return text.lines().map(l -> l.startsWith("\uFEFF") ? l.substring(1) : l).toList();
    }
}
