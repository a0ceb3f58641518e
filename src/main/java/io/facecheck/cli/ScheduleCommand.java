package io.facecheck.cli;

import io.facecheck.config.Messages;
import io.facecheck.app.ScheduleService;
import io.facecheck.app.OpenMode;
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
        subcommands = {ScheduleCommand.AssignCmd.class, ScheduleCommand.ImportCmd.class})
final class ScheduleCommand {
    // not Runnable: without a sub-command picocli reports a usage error (see FaceCheckCommand)

    /** Exactly one of --code and --department. */
    static final class Target {
        @Option(names = "--code", paramLabel = "C", required = true, descriptionKey = "help.schedule.code")
        String code;
        @Option(names = "--department", paramLabel = "D", required = true,
                descriptionKey = "help.schedule.department")
        String department;
    }

    @Command(name = "assign", mixinStandardHelpOptions = true)
    static final class AssignCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;
        @Option(names = "--shift", required = true, paramLabel = "NAME", descriptionKey = "help.schedule.assign.shift")
        String shift;
        @Option(names = "--days", required = true, paramLabel = "MON,TUE,...", descriptionKey = "help.schedule.assign.days")
        String days;
        @Option(names = "--from", required = true, paramLabel = "DATE", descriptionKey = "help.schedule.assign.from")
        String from;
        @Mixin
        ActorOption actor;
        @Option(names = "--json", descriptionKey = "help.schedule.assign.json")
        boolean json;

        @Override
        public Integer call() {
            Set<DayOfWeek> weekdays = CliValues.days("--days", days);
            ScheduleAssignment a = new ScheduleAssignment(target.code, target.department, shift, weekdays,
                    CliValues.date("--from", from));
            return store.withBackend(OpenMode.EXISTING, backend -> {
                ScheduleService.Assigned done = backend.schedules().assign(a, actor.name());
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", a.employeeCode());
                    m.put("department", a.department());
                    m.put("shift", a.shiftName());
                    m.put("days", weekdays.stream().map(d -> d.name().substring(0, 3)).toList());
                    m.put("from", a.effectiveFrom().toString());
                    m.put("replaced", done.replaced());
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

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class ImportCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "FILE.csv", descriptionKey = "help.schedule.import.file")
        Path file;
        @Mixin
        ActorOption actor;
        @Option(names = "--json", descriptionKey = "help.schedule.import.json")
        boolean json;

        @Override
        public Integer call() {
            return store.withBackend(OpenMode.EXISTING, backend -> {
                ScheduleService.RosterResult r = backend.schedules().importRoster(file, actor.name());
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
