package io.facecheck.cli;

import io.facecheck.config.Messages;
import io.facecheck.app.ScheduleService;
import io.facecheck.store.Database;
import io.facecheck.store.ScheduleRepository;
import io.facecheck.timesheet.ScheduleAssignment;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code facecheck schedule assign|import}. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Assign shifts to weekdays (per employee or department), or import a roster of dated shifts.",
        subcommands = {ScheduleCommand.AssignCmd.class, ScheduleCommand.ImportCmd.class})
final class ScheduleCommand {
    // not Runnable: without a sub-command picocli reports a usage error (see FaceCheckCommand)

    /** Exactly one of --code and --department. */
    static final class Target {
        @Option(names = "--code", paramLabel = "C", required = true, description = "The employee.")
        String code;
        @Option(names = "--department", paramLabel = "D", required = true,
                description = "Everyone in this department without a schedule of their own.")
        String department;
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = {"From --from on, the employee (or department) works --shift on --days (audited). "
                    + "--shift OFF makes those days rest days. Earlier dates keep the schedule they had.",
                    "JSON: code, department, shift, days, from, replaced (older assignments of the same date that "
                            + "gave up these days)."})
    static final class AssignCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;
        @Option(names = "--shift", required = true, paramLabel = "NAME", description = "A shift's name, or OFF.")
        String shift;
        @Option(names = "--days", required = true, paramLabel = "MON,TUE,...", description = "The weekdays.")
        String days;
        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day it applies.")
        String from;
        @Mixin
        ActorOption actor;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            Set<DayOfWeek> weekdays = CliValues.days("--days", days);
            ScheduleAssignment a = new ScheduleAssignment(target.code, target.department, shift, weekdays,
                    CliValues.date("--from", from));
            return store.withDatabase(Database.OpenMode.EXISTING, db -> {
                ScheduleRepository.Assigned done = new ScheduleService(db).assign(a, actor.name());
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", a.employeeCode());
                    m.put("department", a.department());
                    m.put("shift", a.shiftName());
                    m.put("days", weekdays.stream().map(d -> d.name().substring(0, 3)).toList());
                    m.put("from", a.effectiveFrom().toString());
                    m.put("replaced", done.narrowed().size());
                    Json.print(m);
                } else {
                    String on = String.join(Messages.get("cli.schedule.daySeparator"), weekdays.stream().sorted()
                            .map(d -> d.getDisplayName(java.time.format.TextStyle.SHORT, Messages.locale())).toList());
                    if (a.employeeCode() != null) {
                        CliMessages.out("cli.schedule.assigned", a.employeeCode(), a.shiftName(), on,
                                a.effectiveFrom().toString());
                    } else {
                        CliMessages.out("cli.schedule.assignedDepartment", a.department(), a.shiftName(), on,
                                a.effectiveFrom().toString());
                    }
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a roster (rows code,date,shift; shift OFF for a rest day) that overrides the weekly "
                    + "schedule on those dates (audited). A row for an unknown code or shift refuses the whole file.",
                    "JSON: added, changed, unchanged."})
    static final class ImportCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "FILE.csv")
        Path file;
        @Mixin
        ActorOption actor;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return store.withDatabase(Database.OpenMode.EXISTING, db -> {
                ScheduleService.RosterResult r = new ScheduleService(db).importRoster(file, actor.name());
                if (json) {
                    Json.print(Map.of("added", r.added(), "changed", r.changed(), "unchanged", r.unchanged()));
                } else {
                    CliMessages.out("cli.schedule.roster", r.added(), r.changed(), r.unchanged());
                }
                return ExitCodes.OK;
            });
        }
    }
}
