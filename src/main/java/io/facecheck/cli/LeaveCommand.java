package io.facecheck.cli;

import io.facecheck.app.OpenMode;
import io.facecheck.timesheet.Leave;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code facecheck leave add}. */
@Command(name = "leave", mixinStandardHelpOptions = true, subcommands = {LeaveCommand.AddCmd.class})
final class LeaveCommand {
    // not Runnable: without a sub-command picocli reports a usage error (see FaceCheckCommand)

    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class AddCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--code", required = true, paramLabel = "C", descriptionKey = "help.leave.add.code")
        String code;
        @Option(names = "--from", required = true, paramLabel = "DATE", descriptionKey = "help.leave.add.from")
        String from;
        @Option(names = "--to", required = true, paramLabel = "DATE", descriptionKey = "help.leave.add.to")
        String to;
        @Option(names = "--type", required = true, paramLabel = "TYPE", descriptionKey = "help.leave.add.type")
        String type;
        @Option(names = "--hours", paramLabel = "H", descriptionKey = "help.leave.add.hours")
        Double hours;
        @Mixin
        ActorOption actor;
        @Option(names = "--json", descriptionKey = "help.leave.add.json")
        boolean json;

        @Override
        public Integer call() {
            var first = CliValues.date("--from", from);
            var last = CliValues.date("--to", to);
            return store.withBackend(OpenMode.EXISTING, backend -> {
                Leave l = backend.leave()
                        .add(code, first, last, type, hours, actor.name());
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", l.employeeCode());
                    m.put("from", l.from().toString());
                    m.put("to", l.to().toString());
                    m.put("type", l.type());
                    m.put("minutes", l.minutes());
                    Json.print(m);
                } else {
                    String days = l.from() + (l.from().equals(l.to()) ? "" : ".." + l.to());
                    if (l.minutes() == null) {
                        CliMessages.out("cli.leave.added", l.type(), l.employeeCode(), days);
                    } else {
                        CliMessages.out("cli.leave.addedMinutes", l.type(), l.employeeCode(), days, l.minutes());
                    }
                }
                return ExitCodes.OK;
            });
        }
    }
}
