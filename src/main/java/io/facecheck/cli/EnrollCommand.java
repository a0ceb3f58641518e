package io.facecheck.cli;

import io.facecheck.attendance.EmployeeImporter;
import io.facecheck.attendance.EnrollmentService;
import io.facecheck.face.ImageLoader;
import io.facecheck.store.Database;
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
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code facecheck enroll --code C --name N [--department D] IMG...}, {@code enroll --folder DIR} (one sub-folder
 * per person, folder name = code and name) and {@code enroll --csv FILE} ({@code code,name,department,photo_dir}).
 */
@Command(name = "enroll", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Enroll people from photos: several per person, each checked (one face, quality).",
                "Exit 3 when a face matches another employee (use --force), 2 when no photo was usable,",
                "1 for unreadable input or CSV rows that could not be imported (the others are)."})
final class EnrollCommand implements Callable<Integer> {
    static final class Single {
        @Option(names = "--code", required = true, paramLabel = "CODE", description = "Employee code (unique).")
        String code;
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Full name (any script).")
        String name;
        @Option(names = "--department", paramLabel = "DEPT", description = "Department.")
        String department;
        @Parameters(paramLabel = "IMG", arity = "1..*", description = "Photos of the person.")
        List<Path> photos;
    }

    static final class Source {
        @ArgGroup(exclusive = false)
        Single single;
        @Option(names = "--folder", paramLabel = "DIR", description = "One sub-folder of photos per person.")
        Path folder;
        @Option(names = "--csv", paramLabel = "FILE", description = "Import code,name,department,photo_dir rows.")
        Path csv;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--force", description = "Enroll even when a face matches another employee.")
    boolean force;

    @Option(names = "--replace", description = "Replace the person's earlier samples instead of adding to them.")
    boolean replace;

    @Mixin
    ActorOption actor;

    @Option(names = "--json", description = "Print JSON: enrolled (codes), rejected ({file, reason}).")
    boolean json;

    @Mixin
    StoreOptions store;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        checkInput();
        try (AttendanceContext ctx = AttendanceContext.open(store, engineOptions, Database.OpenMode.CREATE)) {
            EnrollmentService service = ctx.enrollment();
            var options = new EnrollmentService.Options(force, replace, actor.name());
            List<EnrollmentService.Result> results = new ArrayList<>();
            List<EmployeeImporter.Problem> problems = new ArrayList<>();
            if (source.single != null) {
                Single s = source.single;
                results.add(service.enroll(s.code, s.name, s.department, s.photos, options));
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
            throw new CliException(ExitCodes.FAILURE, e.getMessage());
        }
    }

    /** Bad input fails before anything is loaded or written. */
    private void checkInput() {
        if (source.single != null) {
            ImageLoader loader = new ImageLoader();
            for (Path p : source.single.photos) {
                EngineOptions.load(loader, p);
            }
        } else if (source.folder != null && !Files.isDirectory(source.folder)) {
            throw new CliException(ExitCodes.FAILURE, "no such folder: " + source.folder);
        } else if (source.csv != null && !Files.isReadable(source.csv)) {
            throw new CliException(ExitCodes.FAILURE, "cannot read " + source.csv);
        }
    }

    private int report(List<EnrollmentService.Result> results, List<EmployeeImporter.Problem> problems) {
        List<String> enrolled = new ArrayList<>();
        List<Map<String, Object>> rejected = new ArrayList<>();
        List<EnrollmentService.Result> duplicates = new ArrayList<>();
        for (var r : results) {
            if (r.enrolled()) {
                enrolled.add(r.code());
            }
            if (r.duplicate() != null) {
                duplicates.add(r);
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
            List<Map<String, Object>> probs = new ArrayList<>();
            for (var p : problems) {
                probs.add(Map.of("line", p.line(), "message", p.message()));
            }
            doc.put("problems", probs);
            Json.print(doc);
        } else {
            for (var r : results) {
                if (r.enrolled()) {
                    System.out.println("enrolled " + r.code() + " (" + r.employee().name() + "): " + r.added()
                            + " samples");
                }
            }
            System.out.flush();
        }
        for (var r : results) {
            for (var rej : r.rejected()) {
                System.err.println("facecheck: rejected " + rej.file() + ": " + rej.reason()
                        + (rej.detail() == null ? "" : " (" + rej.detail() + ")"));
            }
        }
        for (var p : problems) {
            System.err.println("facecheck: " + (source.csv != null ? source.csv + ":" : "") + p.line() + ": "
                    + p.message());
        }
        if (!duplicates.isEmpty()) {
            var d = duplicates.get(0);
            System.err.printf("facecheck: %s not enrolled: the face matches employee %s (%s) at distance %.3f in %s;"
                            + " use --force if they are different people%n", d.code(), d.duplicate().code(),
                    d.duplicate().name(), d.duplicate().distance(), d.duplicate().file());
            return ExitCodes.DUPLICATE;
        }
        if (!problems.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        if (enrolled.isEmpty()) {
            System.err.println("facecheck: nobody enrolled: no usable photo");
            return ExitCodes.NO_FACE;
        }
        return ExitCodes.OK;
    }
}
