package io.facecheck.cli;

import io.facecheck.app.EmployeeAdminService;
import io.facecheck.attendance.EmployeeImporter;
import io.facecheck.attendance.EnrollmentService;
import io.facecheck.app.OpenMode;
import io.facecheck.store.StoreException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code facecheck enroll --code C --name N [--department D] IMG...}, {@code enroll --folder DIR} (one sub-folder
 * per person, folder name = code and name) and {@code enroll --csv FILE} ({@code code,name,department,photo_dir}).
 */
@Command(name = "enroll", mixinStandardHelpOptions = true, sortOptions = false)
final class EnrollCommand implements Callable<Integer> {
    static final class Single {
        @Option(names = "--code", required = true, paramLabel = "CODE", descriptionKey = "help.enroll.code")
        String code;
        @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "help.enroll.name")
        String name;
        @Option(names = "--department", paramLabel = "DEPT", descriptionKey = "help.enroll.department")
        String department;
        @Option(names = "--greeting-name", paramLabel = "NAME", descriptionKey = "help.enroll.greeting-name")
        String greetingName;
        @Option(names = "--reading", paramLabel = "TEXT", descriptionKey = "help.enroll.reading")
        String reading;
        @Parameters(paramLabel = "IMG", arity = "1..*", descriptionKey = "help.enroll.img")
        List<Path> photos;
    }

    static final class Source {
        @ArgGroup(exclusive = false)
        Single single;
        @Option(names = "--folder", paramLabel = "DIR", descriptionKey = "help.enroll.folder")
        Path folder;
        @Option(names = "--csv", paramLabel = "FILE", descriptionKey = "help.enroll.csv")
        Path csv;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--force", descriptionKey = "help.enroll.force")
    boolean force;

    @Option(names = "--replace", descriptionKey = "help.enroll.replace")
    boolean replace;

    @Mixin
    ActorOption actor;

    @Option(names = "--json", descriptionKey = "help.enroll.json")
    boolean json;

    @Mixin
    StoreOptions store;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        checkInput();
        try (AttendanceContext ctx = AttendanceContext.open(store, engineOptions, OpenMode.CREATE)) {
            EnrollmentService service = ctx.enrollment();
            var options = new EnrollmentService.Options(force, replace, actor.name());
            List<EnrollmentService.Result> results = new ArrayList<>();
            List<EmployeeImporter.Problem> problems = new ArrayList<>();
            if (source.single != null) {
                Single s = source.single;
                EnrollmentService.Result r = service.enroll(s.code, s.name, s.department, s.photos, options);
                results.add(r);
                if (r.employee() != null && (s.greetingName != null || s.reading != null)) {
                    // the names go with the employee record enrolling created or found, in its own audited change
                    ctx.backend.employees().setNames(r.code(), s.greetingName != null ? s.greetingName
                            : r.employee().greetingName(), s.reading != null ? s.reading : r.employee().reading(),
                            actor.name());
                }
            } else if (source.folder != null) {
                results.addAll(service.enrollFolder(source.folder, options));
            } else {
                var report = new EmployeeImporter(service).importCsv(source.csv, options);
                results.addAll(report.results());
                problems.addAll(report.problems());
            }
            return report(results, problems);
        } catch (StoreException e) {
            throw StoreOptions.asCli(e);
        } catch (IOException | UncheckedIOException e) {
            throw CliException.of(ExitCodes.FAILURE, e);
        }
    }

    /**
     * A folder or CSV that is not there fails before anything is loaded or written. A photo that cannot be read
     * does not: it is left out and named, as it is in a folder or a CSV's photo folder.
     */
    private void checkInput() {
        if (source.single != null) {
            try {
                // refused before the models load, not after the photos were enrolled
                EmployeeAdminService.checkFields(source.single.code, source.single.name, source.single.department,
                        source.single.greetingName, source.single.reading);
            } catch (StoreException e) {
                throw StoreOptions.asCli(e);
            }
        } else if (source.folder != null && !Files.isDirectory(source.folder)) {
            throw CliException.of(ExitCodes.FAILURE, "cli.enroll.noFolder", source.folder);
        } else if (source.csv != null && !Files.isReadable(source.csv)) {
            throw CliException.of(ExitCodes.FAILURE, "cli.enroll.cannotRead", source.csv);
        }
    }

    private int report(List<EnrollmentService.Result> results, List<EmployeeImporter.Problem> problems) {
        // a CSV names the people it left out with their line; the other forms name them here
        List<EnrollmentService.Result> leftOut = source.csv != null ? List.of() : results.stream()
                .filter(r -> !r.enrolled() && r.duplicate() == null && r.notOnePerson() == null).toList();
        List<String> enrolled = new ArrayList<>();
        List<Map<String, Object>> rejected = new ArrayList<>();
        List<EnrollmentService.Result> duplicates = new ArrayList<>();
        List<EnrollmentService.Result> mixed = new ArrayList<>();
        for (var r : results) {
            if (r.enrolled()) {
                enrolled.add(r.code());
            }
            if (r.duplicate() != null) {
                duplicates.add(r);
            }
            if (r.notOnePerson() != null) {
                mixed.add(r);
            }
            for (var rej : r.rejected()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", rej.file());
                m.put("reason", rej.reason());
                rejected.add(m);
            }
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("enrolled", enrolled);
            doc.put("rejected", rejected);
            List<Map<String, Object>> dups = new ArrayList<>();
            for (var r : duplicates) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", r.code());
                m.put("matches", r.duplicate().code());
                m.put("name", r.duplicate().name());
                m.put("distance", r.duplicate().distance());
                dups.add(m);
            }
            doc.put("duplicates", dups);
            List<Map<String, Object>> notOne = new ArrayList<>();
            for (var r : mixed) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", r.code());
                m.put("enrolledAs", r.notOnePerson().enrolledAs());
                m.put("threshold", r.notOnePerson().threshold());
                List<Map<String, Object>> photos = new ArrayList<>();
                for (var p : r.notOnePerson().photos()) {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("file", p.file());
                    pm.put("closest", p.closest());
                    pm.put("distance", p.distance());
                    photos.add(pm);
                }
                m.put("photos", photos);
                notOne.add(m);
            }
            doc.put("notOnePerson", notOne);
            List<Map<String, Object>> probs = new ArrayList<>();
            for (var p : problems) {
                probs.add(Map.of("line", p.line(), "message", p.message()));
            }
            for (var r : leftOut) {
                probs.add(Map.of("code", r.code(), "message", leftOutMessage(r)));
            }
            doc.put("problems", probs);
            Json.print(doc);
        } else {
            for (var r : results) {
                if (r.enrolled()) {
                    CliMessages.out("cli.enroll.enrolled", r.code(), r.employee().name(), r.added());
                }
            }
            System.out.flush();
        }
        for (var r : results) {
            for (var rej : r.rejected()) {
                // the reason is a code (no_face, blurry, ...): the same in every language, as in the JSON
                if (rej.detail() == null) {
                    CliMessages.warn("cli.enroll.rejected", rej.file(), rej.reason());
                } else {
                    CliMessages.warn("cli.enroll.rejectedDetail", rej.file(), rej.reason(), rej.detail());
                }
            }
        }
        for (var p : problems) {
            CliMessages.warn("cli.enroll.problem", source.csv != null ? source.csv + ":" : "", p.line(), p.message());
        }
        for (var r : leftOut) {
            CliMessages.warn("cli.enroll.leftOut", r.code(), r.rejected().size());
        }
        for (var d : duplicates) {
            CliMessages.warn("cli.enroll.duplicate", d.code(), d.duplicate().code(), d.duplicate().name(),
                    String.format(Locale.ROOT, "%.3f", d.duplicate().distance()), d.duplicate().file());
        }
        for (var r : mixed) {
            CliMessages.warn("cli.enroll.mixed", r.code(), r.notOnePerson().describe());
        }
        if (!duplicates.isEmpty() || !mixed.isEmpty()) {
            return ExitCodes.DUPLICATE;
        }
        return exitCode(results, problems, enrolled.isEmpty());
    }

    /**
     * The one rule of the three forms: input that could not be read (a photo, a CSV row) is 1 even when nobody was
     * enrolled; otherwise nobody enrolled is 2 (no photo showed one good face), someone left out is 1.
     */
    private static int exitCode(List<EnrollmentService.Result> results, List<EmployeeImporter.Problem> problems,
                                boolean nobodyEnrolled) {
        boolean unreadable = problems.stream().anyMatch(p -> p.result() == null) || results.stream()
                .flatMap(r -> r.rejected().stream())
                .anyMatch(rej -> EnrollmentService.UNREADABLE.equals(rej.reason()));
        if (unreadable) {
            return ExitCodes.FAILURE;
        }
        if (nobodyEnrolled) {
            CliMessages.warn("cli.enroll.nobody");
            return ExitCodes.NO_FACE;
        }
        return results.stream().allMatch(EnrollmentService.Result::enrolled) ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static String leftOutMessage(EnrollmentService.Result r) {
        return r.code() + ": not enrolled: no usable photo (" + r.rejected().size() + " rejected)";
    }
}
