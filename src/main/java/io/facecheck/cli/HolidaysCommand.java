package io.facecheck.cli;

import io.facecheck.app.HolidayService;
import io.facecheck.app.OpenMode;
import io.facecheck.timesheet.Holiday;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code facecheck holidays add|import}. */
@Command(name = "holidays", mixinStandardHelpOptions = true,
        subcommands = {HolidaysCommand.AddCmd.class, HolidaysCommand.ImportCmd.class})
final class HolidaysCommand {
    // not Runnable: without a sub-command picocli reports a usage error (see FaceCheckCommand)

    static Map<String, Object> json(Holiday h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", h.date().toString());
        m.put("name", h.name());
        return m;
    }

    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class AddCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "DATE", descriptionKey = "help.holidays.add.date")
        String date;
        @Parameters(index = "1", paramLabel = "NAME", descriptionKey = "help.holidays.add.name")
        String name;
        @Mixin
        ActorOption actor;
        @Option(names = "--json", descriptionKey = "help.holidays.add.json")
        boolean json;

        @Override
        public Integer call() {
            var day = CliValues.date("DATE", date);
            return store.withBackend(OpenMode.EXISTING, backend -> {
                Holiday h = backend.holidays().add(day, name, actor.name());
                if (json) {
                    Json.print(json(h));
                } else {
                    CliMessages.out("cli.holidays.added", h.date().toString(), h.name());
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class ImportCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "FILE.ics", descriptionKey = "help.holidays.import.file")
        Path file;
        @Mixin
        ActorOption actor;
        @Option(names = "--json", descriptionKey = "help.holidays.import.json")
        boolean json;

        @Override
        public Integer call() {
            return store.withBackend(OpenMode.EXISTING, backend -> {
                HolidayService.ImportResult r = backend.holidays().importIcs(file, actor.name());
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("added", r.added().stream().map(HolidaysCommand::json).toList());
                    m.put("alreadyThere", r.alreadyThere().stream().map(HolidaysCommand::json).toList());
                    m.put("timedEventsIgnored", r.timedEventsIgnored());
                    Json.print(m);
                } else {
                    CliMessages.out(r.timedEventsIgnored() > 0 ? "cli.holidays.importedTimed" : "cli.holidays.imported",
                            r.added().size(), r.alreadyThere().size(), r.timedEventsIgnored());
                }
                return ExitCodes.OK;
            });
        }
    }
}
