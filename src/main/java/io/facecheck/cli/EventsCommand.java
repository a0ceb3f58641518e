package io.facecheck.cli;

import io.facecheck.app.CorrectionService;
import io.facecheck.store.CheckInEvent;
import io.facecheck.app.OpenMode;
import io.facecheck.store.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code facecheck events add|import}. */
@Command(name = "events", mixinStandardHelpOptions = true,
        subcommands = {EventsCommand.AddCmd.class, EventsCommand.ImportCmd.class})
final class EventsCommand {
    // not Runnable: without a sub-command picocli reports a usage error (see FaceCheckCommand)

    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class AddCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--code", required = true, paramLabel = "C", descriptionKey = "help.events.add.code")
        String code;
        @Option(names = "--at", required = true, paramLabel = "ISO-INSTANT",
                descriptionKey = "help.events.add.at")
        String at;
        @Option(names = "--direction", required = true, paramLabel = "IN|OUT", descriptionKey = "help.events.add.direction")
        String direction;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", descriptionKey = "help.events.add.reason")
        String reason;
        @Mixin
        ActorOption actor;
        @Option(names = "--json", descriptionKey = "help.events.add.json")
        boolean json;

        @Override
        public Integer call() {
            var when = CliValues.instant("--at", at);
            Direction d = switch (direction.strip().toUpperCase(Locale.ROOT)) {
                case "IN" -> Direction.IN;
                case "OUT" -> Direction.OUT;
                default -> throw CliException.of(ExitCodes.FAILURE, "cli.events.badDirection", direction);
            };
            return store.withBackend(OpenMode.EXISTING, backend -> {
                CheckInEvent e = backend.eventCorrections()
                        .add(code, when, d, reason, actor.name());
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", e.id());
                    m.put("code", e.code());
                    m.put("at", e.at().toString());
                    m.put("direction", e.direction().name());
                    m.put("reason", e.correctionReason());
                    Json.print(m);
                } else {
                    CliMessages.out(e.direction() == Direction.IN ? "cli.events.addedIn" : "cli.events.addedOut", e.code(),
                            e.at().toString(), String.valueOf(e.id()));
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class ImportCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "FILE.csv", descriptionKey = "help.events.import.file")
        Path file;
        @Mixin
        ActorOption actor;
        @Option(names = "--json", descriptionKey = "help.events.import.json")
        boolean json;

        @Override
        public Integer call() {
            return store.withBackend(OpenMode.EXISTING, backend -> {
                CorrectionService.ImportResult r = backend.eventCorrections()
                        .importCsv(file, actor.name());
                if (json) {
                    Json.print(Map.of("added", r.added(), "alreadyThere", r.alreadyThere()));
                } else {
                    CliMessages.out("cli.events.imported", r.added(), r.alreadyThere());
                }
                return ExitCodes.OK;
            });
        }
    }
}
