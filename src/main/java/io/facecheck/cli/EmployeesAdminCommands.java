package io.facecheck.cli;

import io.facecheck.app.EmployeeAdminService;
import io.facecheck.app.OpenMode;
import io.facecheck.store.Employee;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code facecheck employees add|import}: employees as HR keeps them, before they have a face. */
final class EmployeesAdminCommands {
    private EmployeesAdminCommands() {
    }

    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class AddCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--code", required = true, paramLabel = "C", descriptionKey = "help.employees.add.code")
        String code;
        @Option(names = "--name", required = true, paramLabel = "N", descriptionKey = "help.employees.add.name")
        String name;
        @Option(names = "--department", paramLabel = "D", descriptionKey = "help.employees.add.department")
        String department;
        @Mixin
        ActorOption actor;
        @Option(names = "--json", descriptionKey = "help.employees.add.json")
        boolean json;

        @Override
        public Integer call() {
            return store.withBackend(OpenMode.CREATE, backend -> {
                Employee e = backend.employees().add(code, name, department, actor.name());
                if (json) {
                    Json.print(EmployeesCommand.json(e, 0));
                } else {
                    CliMessages.out("cli.employees.added", e.code(), e.name());
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class ImportCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "FILE.csv", descriptionKey = "help.employees.import.file")
        Path file;
        @Mixin
        ActorOption actor;
        @Option(names = "--json", descriptionKey = "help.employees.import.json")
        boolean json;

        @Override
        public Integer call() {
            return store.withBackend(OpenMode.CREATE, backend -> {
                EmployeeAdminService.ImportResult r = backend.employees().importCsv(file, actor.name());
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("added", r.added());
                    m.put("updated", r.updated());
                    m.put("unchanged", r.unchanged());
                    Json.print(m);
                } else {
                    CliMessages.out("cli.employees.imported", r.added().size(), r.updated().size(),
                            r.unchanged().size());
                }
                return ExitCodes.OK;
            });
        }
    }
}
