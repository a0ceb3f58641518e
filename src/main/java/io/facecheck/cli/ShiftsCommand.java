package io.facecheck.cli;

import io.facecheck.config.Messages;
import io.facecheck.app.OpenMode;
import io.facecheck.timesheet.Shift;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code facecheck shifts add|list}. */
@Command(name = "shifts", mixinStandardHelpOptions = true,
        subcommands = {ShiftsCommand.AddCmd.class, ShiftsCommand.ListCmd.class})
final class ShiftsCommand {
    // not Runnable: without a sub-command picocli reports a usage error (see FaceCheckCommand)

    static Map<String, Object> json(Shift s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("start", s.start().toString());
        m.put("end", s.end().toString());
        m.put("graceInMinutes", s.graceInMinutes());
        m.put("graceOutMinutes", s.graceOutMinutes());
        m.put("breakMinutes", s.breakMinutes());
        m.put("overtimeAfterMinutes", s.overtimeAfterMinutes());
        m.put("flexible", s.flexible());
        m.put("requiredMinutes", s.requiredMinutes());
        return m;
    }

    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class AddCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "NAME", descriptionKey = "help.shifts.add.name")
        String name;
        @Option(names = "--start", paramLabel = "HH:MM", descriptionKey = "help.shifts.add.start")
        String start;
        @Option(names = "--end", paramLabel = "HH:MM", descriptionKey = "help.shifts.add.end")
        String end;
        @Option(names = "--grace-in", paramLabel = "MIN", defaultValue = "0",
                descriptionKey = "help.shifts.add.grace-in")
        int graceIn;
        @Option(names = "--grace-out", paramLabel = "MIN", defaultValue = "0",
                descriptionKey = "help.shifts.add.grace-out")
        int graceOut;
        @Option(names = "--break", paramLabel = "MIN", defaultValue = "0", descriptionKey = "help.shifts.add.break")
        int breakMinutes;
        @Option(names = "--overtime-after", paramLabel = "MIN", defaultValue = "" + Shift.DEFAULT_OVERTIME_AFTER_MINUTES,
                descriptionKey = "help.shifts.add.overtime-after")
        int overtimeAfter;
        @Option(names = "--flexible", descriptionKey = "help.shifts.add.flexible")
        boolean flexible;
        @Option(names = "--hours", paramLabel = "H", descriptionKey = "help.shifts.add.hours")
        Double hours;
        @Option(names = "--earliest", paramLabel = "HH:MM", descriptionKey = "help.shifts.add.earliest")
        String earliest;
        @Option(names = "--latest", paramLabel = "HH:MM", descriptionKey = "help.shifts.add.latest")
        String latest;
        @Mixin
        ActorOption actor;
        @Option(names = "--json", descriptionKey = "help.shifts.add.json")
        boolean json;

        @Override
        public Integer call() {
            Shift shift;
            try {
                shift = flexible ? flexibleShift() : fixedShift();
            } catch (IllegalArgumentException e) {
                throw CliException.of(ExitCodes.FAILURE, e);
            }
            return store.withBackend(OpenMode.EXISTING, backend -> {
                Shift s = backend.shifts().add(shift, actor.name());
                if (json) {
                    Json.print(json(s));
                } else {
                    CliMessages.out("cli.shifts.added", s.name());
                }
                return ExitCodes.OK;
            });
        }

        private Shift fixedShift() {
            if (start == null || end == null) {
                throw CliException.of(ExitCodes.USAGE, "cli.shifts.fixedNeeds");
            }
            if (hours != null || earliest != null || latest != null) {
                throw CliException.of(ExitCodes.USAGE, "cli.shifts.flexibleOnly");
            }
            return Shift.fixed(name, CliValues.time("--start", start), CliValues.time("--end", end),
                    CliValues.minutes("--grace-in", graceIn), CliValues.minutes("--grace-out", graceOut),
                    CliValues.minutes("--break", breakMinutes), CliValues.minutes("--overtime-after", overtimeAfter));
        }

        private Shift flexibleShift() {
            if (hours == null || earliest == null || latest == null) {
                throw CliException.of(ExitCodes.USAGE, "cli.shifts.flexibleNeeds");
            }
            if (start != null || end != null) {
                throw CliException.of(ExitCodes.USAGE, "cli.shifts.flexibleNotStart");
            }
            if (!(hours > 0 && hours <= 24)) {
                throw CliException.of(ExitCodes.FAILURE, "cli.shifts.hours", hours);
            }
            return Shift.flexible(name, (int) Math.round(hours * 60), CliValues.time("--earliest", earliest),
                    CliValues.time("--latest", latest), CliValues.minutes("--break", breakMinutes),
                    CliValues.minutes("--overtime-after", overtimeAfter));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--json", descriptionKey = "help.shifts.list.json")
        boolean json;

        @Override
        public Integer call() {
            return store.withBackend(OpenMode.EXISTING, backend -> {
                List<Shift> shifts = backend.shifts().list();
                if (json) {
                    List<Object> out = new ArrayList<>();
                    shifts.forEach(s -> out.add(json(s)));
                    Json.print(out);
                } else {
                    for (Shift s : shifts) {
                        System.out.println(DisplayWidth.padRight(s.name(), 16) + " " + (s.flexible()
                                ? Messages.get("cli.shifts.flexible", s.requiredMinutes(), s.start().toString(),
                                s.end().toString(), s.breakMinutes())
                                : Messages.get("cli.shifts.fixed", s.start().toString(), s.end().toString(),
                                s.graceInMinutes(), s.graceOutMinutes(), s.breakMinutes(), s.overtimeAfterMinutes())));
                    }
                    System.out.flush();
                }
                return ExitCodes.OK;
            });
        }
    }
}
