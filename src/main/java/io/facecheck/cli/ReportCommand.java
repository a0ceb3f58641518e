package io.facecheck.cli;

import io.facecheck.attendance.CsvReports;
import io.facecheck.attendance.Reports;
import io.facecheck.config.Messages;
import io.facecheck.config.Settings;
import io.facecheck.app.Backend;
import io.facecheck.app.OpenMode;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code facecheck report --from DATE --to DATE [--summary|--timesheet] --out FILE.csv|FILE.xlsx}. */
@Command(name = "report", mixinStandardHelpOptions = true)
final class ReportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--from", required = true, paramLabel = "DATE", descriptionKey = "help.report.from")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", descriptionKey = "help.report.to")
    String to;

    @Option(names = "--summary", descriptionKey = "help.report.summary")
    boolean summary;

    @Option(names = "--timesheet", descriptionKey = "help.report.timesheet")
    boolean timesheet;

    @Option(names = "--zone", paramLabel = "ZONE", descriptionKey = "help.report.zone")
    String zone;

    @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "help.report.out")
    Path out;

    @Option(names = "--bom", negatable = true, descriptionKey = "help.report.bom")
    Boolean bom;

    @Option(names = "--headers", paramLabel = "KIND", descriptionKey = "help.report.headers")
    Headers headers = Headers.MACHINE;

    /** {@code --headers}: the CSV's first row. */
    enum Headers {
        MACHINE, LOCALIZED
    }

    @Mixin
    ActorOption actor;

    @Option(names = "--json", descriptionKey = "help.report.json")
    boolean json;

    @Override
    public Integer call() {
        LocalDate first = date("--from", from);
        LocalDate last = date("--to", to);
        if (last.isBefore(first)) {
            throw CliException.of(ExitCodes.FAILURE, "cli.report.toBeforeFrom", last, first);
        }
        if (timesheet && summary) {
            throw CliException.of(ExitCodes.USAGE, "cli.report.twoReports");
        }
        boolean toStdout = OutputFiles.isStdout(out);
        if (timesheet && toStdout) {
            throw CliException.of(ExitCodes.USAGE, "cli.report.timesheetToFile");
        }
        if (!timesheet && io.facecheck.app.TimesheetExport.isXlsx(out)) {
            throw CliException.of(ExitCodes.USAGE, "cli.report.xlsxOnlyTimesheet");
        }
        if (toStdout && json) {
            throw CliException.of(ExitCodes.USAGE, "cli.report.jsonAndStdout");
        }
        if (!toStdout) {
            OutputFiles.check("--out", out);
        }
        Settings s = store.settings();
        ZoneId days = zone == null ? s.checkIn().zone() : CliValues.zone("--zone", zone);
        boolean localized = headers == Headers.LOCALIZED;
        CsvReports csv = new CsvReports(days, bom != null ? bom : s.report().bom(), s.report().delimiter());
        try (Backend backend = store.open(OpenMode.EXISTING)) {
            if (timesheet) {
                return TimesheetReport.run(backend.timesheets(), first, last, days, out, csv, Messages.locale(),
                        localized, actor.name(), json);
            }
            Reports reports = backend.reports(days, localized ? csv.withHeadersIn(Messages.locale()) : csv);
            int rows;
            if (toStdout) {
                try (Writer w = stdout()) {
                    rows = summary ? reports.exportSummary(first, last, w, "stdout", actor.name())
                            : reports.exportEvents(first, last, w, "stdout", actor.name());
                }
            } else {
                rows = summary ? reports.exportSummary(first, last, out, actor.name())
                        : reports.exportEvents(first, last, out, actor.name());
            }
            if (json) {
                Json.print(Map.of("file", out.toAbsolutePath().toString(), "rows", rows,
                        "kind", summary ? "summary" : "events"));
            } else {
                // stdout carries only the CSV when it is the target
                (toStdout ? System.err : System.out).println(Messages.get(
                        summary ? "cli.report.wroteSummaries" : "cli.report.wroteEvents", rows,
                        toStdout ? "stdout" : out));
            }
            return ExitCodes.OK;
        } catch (StoreException e) {
            throw StoreOptions.asCli(e);
        } catch (IOException | UncheckedIOException e) {
            throw CliException.of(ExitCodes.FAILURE, e);
        }
    }

    /** Stdout as a UTF-8 writer that the CSV printer may close: closing only flushes it. */
    private static Writer stdout() {
        return new FilterWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw CliException.of(ExitCodes.FAILURE, "cli.error.badDate", option, value);
        }
    }
}
