package io.facecheck.cli;

import io.facecheck.face.FaceNetworks;
import io.facecheck.config.Messages;
import io.facecheck.models.ModelCard;
import io.facecheck.models.Models;
import io.facecheck.app.Backend;
import io.facecheck.app.EmployeeAdminService;
import io.facecheck.app.OpenMode;
import io.facecheck.store.Employee;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code facecheck employees list|show|add|import|update|erase-face|delete}. */
@Command(name = "employees", mixinStandardHelpOptions = true,
        subcommands = {EmployeesCommand.ListCmd.class, EmployeesCommand.ShowCmd.class,
                EmployeesAdminCommands.AddCmd.class, EmployeesAdminCommands.ImportCmd.class,
                EmployeesCommand.UpdateCmd.class, EmployeesCommand.EraseFaceCmd.class,
                EmployeesCommand.DeleteCmd.class})
final class EmployeesCommand {
    // not Runnable: without a sub-command picocli reports a usage error (see FaceCheckCommand)

    /** Templates of the configured embedder's model per code; all templates when the card cannot be read. */
    static Map<String, Integer> templateCounts(EmployeeAdminService employees, String embedder) {
        return employees.templateCounts(modelId(embedder).orElse(null));
    }

    private static Optional<String> modelId(String embedder) {
        String model = FaceNetworks.embedder(embedder).orElse(FaceNetworks.defaultEmbedder()).model();
        try {
            ModelCard card = ModelCard.read(Models.defaultDir().resolve(model).resolve(ModelCard.FILE_NAME));
            return Optional.of(card.name() + "@" + card.version());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static Map<String, Object> json(Employee e, int templates) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", e.code());
        m.put("name", e.name());
        m.put("department", e.department());
        m.put("templates", templates);
        m.put("active", e.active());
        return m;
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--all", descriptionKey = "help.employees.list.all")
        boolean all;
        @Option(names = "--json", descriptionKey = "help.employees.list.json")
        boolean json;

        @Override
        public Integer call() {
            try (Backend backend = store.open(OpenMode.EXISTING)) {
                EmployeeAdminService employees = backend.employees();
                List<Employee> list = employees.list(all);
                Map<String, Integer> counts = templateCounts(employees, store.settings().engine().embedder());
                if (json) {
                    List<Object> out = new ArrayList<>();
                    list.forEach(e -> out.add(json(e, counts.getOrDefault(e.code(), 0))));
                    Json.print(out);
                } else {
                    for (Employee e : list) {
                        // padded by the columns a terminal gives each character: a CJK name takes two per character
                        System.out.println(DisplayWidth.padRight(e.code(), 16) + " " + DisplayWidth.padRight(e.name(), 30)
                                + " " + DisplayWidth.padRight(e.department() == null ? "" : e.department(), 20) + " "
                                + Messages.get(e.active()
                                        ? "cli.employees.templates" : "cli.employees.templatesInactive",
                                        counts.getOrDefault(e.code(), 0)));
                    }
                    System.out.flush();
                }
                return ExitCodes.OK;
            } catch (StoreException e) {
                throw StoreOptions.asCli(e);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    static final class ShowCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "CODE", descriptionKey = "help.employees.show.code")
        String code;
        @Option(names = "--json", descriptionKey = "help.employees.show.json")
        boolean json;

        @Override
        public Integer call() {
            try (Backend backend = store.open(OpenMode.EXISTING)) {
                EmployeeAdminService employees = backend.employees();
                Employee e = employees.require(code);
                int templates = templateCounts(employees, store.settings().engine().embedder()).getOrDefault(code, 0);
                int samples = employees.keptCrops(e);
                if (json) {
                    Map<String, Object> m = json(e, templates);
                    m.put("greetingName", e.greetingName());
                    m.put("reading", e.reading());
                    m.put("samples", samples);
                    m.put("created", e.createdAt().toString());
                    Json.print(m);
                } else {
                    CliMessages.out("cli.employees.show.code", e.code());
                    CliMessages.out("cli.employees.show.name", e.name());
                    CliMessages.out("cli.employees.show.department", e.department() == null ? "" : e.department());
                    CliMessages.out("cli.employees.show.greeting", e.greeting());
                    CliMessages.out("cli.employees.show.reading", e.reading() == null ? "" : e.reading());
                    CliMessages.out("cli.employees.show.active", Messages.get("cli.employees.active." + e.active()));
                    CliMessages.out("cli.employees.show.templates", templates, samples);
                    CliMessages.out("cli.employees.show.created", e.createdAt());
                    System.out.flush();
                }
                return ExitCodes.OK;
            } catch (StoreException e) {
                throw StoreOptions.asCli(e);
            }
        }
    }

    /** An audited action on one employee by code: the options, the store, the unknown-code error, the output. */
    abstract static class OneEmployeeCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "CODE", descriptionKey = "help.employees.code")
        String code;
        @Mixin
        ActorOption actor;
        @Option(names = "--json", descriptionKey = "help.employees.json")
        boolean json;

        /** Does it; empty when there is no employee with this code. */
        abstract Optional<Map<String, Object>> act(EmployeeAdminService employees);

        abstract String message(Map<String, Object> done);

        @Override
        public Integer call() {
            try (Backend backend = store.open(OpenMode.EXISTING)) {
                Map<String, Object> done = act(backend.employees())
                        .orElseThrow(() -> CliException.of(ExitCodes.FAILURE, "cli.error.noEmployee", code));
                if (json) {
                    Json.print(done);
                } else {
                    System.out.println(message(done));
                }
                return ExitCodes.OK;
            } catch (StoreException e) {
                throw StoreOptions.asCli(e);
            }
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true)
    static final class UpdateCmd extends OneEmployeeCmd {
        @Option(names = "--name", paramLabel = "NAME", descriptionKey = "help.employees.update.name")
        String name;
        @Option(names = "--department", paramLabel = "DEPT", descriptionKey = "help.employees.update.department")
        String department;
        @Option(names = "--greeting-name", paramLabel = "NAME", descriptionKey = "help.employees.update.greeting-name")
        String greetingName;
        @Option(names = "--reading", paramLabel = "TEXT", descriptionKey = "help.employees.update.reading")
        String reading;

        @Override
        Optional<Map<String, Object>> act(EmployeeAdminService employees) {
            if (name == null && department == null && greetingName == null && reading == null) {
                throw CliException.of(ExitCodes.FAILURE, "cli.employees.nothingToChange");
            }
            return employees.amend(code, name, department, greetingName, reading, actor.name()).map(e -> {
                Map<String, Object> done = new LinkedHashMap<>();
                done.put("code", e.code());
                done.put("name", e.name());
                done.put("department", e.department());
                done.put("greetingName", e.greetingName());
                done.put("reading", e.reading());
                return done;
            });
        }

        @Override
        String message(Map<String, Object> done) {
            StringBuilder line = new StringBuilder(Messages.get("cli.employees.updated", code, done.get("name"),
                    done.get("department") == null ? Messages.get("cli.employees.noDepartment")
                            : done.get("department")));
            if (done.get("greetingName") != null) {
                line.append(Messages.get("cli.employees.greetedAs", done.get("greetingName")));
            }
            if (done.get("reading") != null) {
                line.append(Messages.get("cli.employees.readingIs", done.get("reading")));
            }
            return line.toString();
        }
    }

    @Command(name = "erase-face", mixinStandardHelpOptions = true)
    static final class EraseFaceCmd extends OneEmployeeCmd {
        @Override
        Optional<Map<String, Object>> act(EmployeeAdminService employees) {
            int n = employees.eraseFaceData(code, actor.name());
            if (n < 0) {
                return Optional.empty();
            }
            Map<String, Object> done = new java.util.LinkedHashMap<>();
            done.put("code", code);
            done.put("templatesErased", n);
            return Optional.of(done);
        }

        @Override
        String message(Map<String, Object> done) {
            return Messages.get("cli.employees.erased", code, done.get("templatesErased"));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true)
    static final class DeleteCmd extends OneEmployeeCmd {
        @Override
        Optional<Map<String, Object>> act(EmployeeAdminService employees) {
            return employees.delete(code, actor.name()) ? Optional.of(Map.of("deleted", code)) : Optional.empty();
        }

        @Override
        String message(Map<String, Object> done) {
            return Messages.get("cli.employees.deleted", code);
        }
    }
}
