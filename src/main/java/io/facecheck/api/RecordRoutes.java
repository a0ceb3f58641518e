package io.facecheck.api;

import io.facecheck.app.ApiScope;
import io.facecheck.app.EventService;
import io.facecheck.app.TimesheetService;
import io.facecheck.app.TimesheetTables;
import io.facecheck.attendance.CsvReports;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Direction;
import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What attendance produced: events (read and corrected), timesheets, and the kiosks that record them. */
final class RecordRoutes {
    /** A longer period is refused: a year is what payroll asks for at most, and the figures are computed per call. */
    static final int MAX_TIMESHEET_DAYS = 366;

    private final ApiServices services;

    RecordRoutes(ApiServices services) {
        this.services = services;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/events", ApiScope.EVENTS_READ, this::events),
                Route.post("/events", ApiScope.EVENTS_WRITE, this::correct),
                Route.get("/timesheets", ApiScope.TIMESHEETS_READ, this::timesheet),
                Route.get("/kiosks", ApiScope.KIOSKS_READ, this::kiosks));
    }

    private void events(Context ctx) {
        ZoneId zone = services.zone();
        var q = new EventService.Query(Params.instant(ctx, "from", zone, false), Params.instant(ctx, "to", zone, true),
                Params.text(ctx, "code"), Params.text(ctx, "kiosk"));
        EventService.Page page = services.events().page(q, Params.text(ctx, "cursor"),
                Params.integer(ctx, "limit", EventService.DEFAULT_LIMIT));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", page.events().stream().map(Views::event).toList());
        m.put("nextCursor", page.nextCursor());
        ApiServer.json(ctx, 200, m);
    }

    private void correct(Context ctx) {
        JsonBody b = JsonBody.of(ctx, Set.of("code", "at", "direction", "reason"));
        String code = b.requiredText("code");
        Instant at = Params.instant("at", b.requiredText("at"), services.zone(), false);
        String dir = b.requiredText("direction").toUpperCase(Locale.ROOT);
        if (!dir.equals("IN") && !dir.equals("OUT")) {
            throw ApiError.badRequest("'direction' must be IN or OUT, not '" + ApiErrors.clip(dir) + "'");
        }
        CheckInEvent e = services.corrections().add(code, at, Direction.valueOf(dir), b.requiredText("reason"),
                ApiServer.actor(ctx));
        ApiServer.json(ctx, 201, Views.event(e));
    }

    private void timesheet(Context ctx) {
        LocalDate from = Params.date(ctx, "from");
        LocalDate to = Params.date(ctx, "to");
        ZoneId zone = Params.zone(ctx, "zone", services.zone());
        String format = Params.text(ctx, "format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ApiError.badRequest("'format' must be json or csv, not '" + ApiErrors.clip(format) + "'");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_TIMESHEET_DAYS) {
            throw ApiError.badRequest("the period is longer than " + MAX_TIMESHEET_DAYS + " days; ask for less");
        }
        TimesheetService.Report r = services.timesheets().report(from, to, zone);
        TimesheetTables.Table days = TimesheetTables.days(r.timesheet(), r.employees(),
                TimesheetTables.Labels.MACHINE);
        if ("csv".equals(format)) {
            ctx.status(200).contentType("text/csv; charset=utf-8").result(csv(days));
            return;
        }
        TimesheetTables.Table totals = TimesheetTables.summary(r.timesheet(), r.employees(),
                TimesheetTables.Labels.MACHINE);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from.toString());
        m.put("to", to.toString());
        m.put("zone", zone.getId());
        m.put("days", objects(days));
        m.put("totals", objects(totals));
        ApiServer.json(ctx, 200, m);
    }

    private void kiosks(Context ctx) {
        ApiServer.json(ctx, 200, Map.of("kiosks", services.kiosks().statuses().stream().map(Views::kiosk).toList()));
    }

    /** Each row as an object keyed by the machine column names (the CSV export's headers). */
    private static List<Map<String, Object>> objects(TimesheetTables.Table t) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < t.header().size(); i++) {
                Object v = row.get(i);
                m.put(t.header().get(i), v == null || v instanceof Number || v instanceof Boolean ? v : v.toString());
            }
            out.add(m);
        }
        return out;
    }

    private static String csv(TimesheetTables.Table t) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(t.header().toArray(String[]::new))
                .build())) {
            for (List<Object> row : t.rows()) {
                List<Object> cells = new ArrayList<>();
                for (Object v : row) {
                    // a name such as =HYPERLINK(...) stays text in the payroll clerk's spreadsheet, as in the export
                    cells.add(v instanceof Double d ? String.format(Locale.ROOT, "%.2f", d)
                            : v == null || v instanceof Number ? v : CsvReports.neutralise(v.toString()));
                }
                p.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
