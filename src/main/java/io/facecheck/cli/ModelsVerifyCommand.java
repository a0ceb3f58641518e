package io.facecheck.cli;

import io.facecheck.models.ModelNames;
import io.facecheck.models.ModelVerifier;
import io.facecheck.models.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code facecheck models verify}: hash, load and run every shipped model. */
@Command(name = "verify", mixinStandardHelpOptions = true)
final class ModelsVerifyCommand implements Callable<Integer> {

    @Option(names = "--models", descriptionKey = "help.models.verify.models")
    Path modelsDir;

    @Option(names = "--only", split = ",", descriptionKey = "help.models.verify.only")
    List<String> only;

    @Override
    public Integer call() {
        Path dir = modelsDir != null ? modelsDir : Models.defaultDir();
        List<String> names = only != null ? only : ModelNames.ALL;
        var checks = new ModelVerifier(dir).verifyAll(names);
        int failed = 0;
        for (var c : checks) {
            if (c.ok()) {
                System.out.printf("OK      %-24s %d outputs, loaded and ran in %d ms%n", c.name(), c.outputs(), c.millis());
            } else {
                failed++;
                System.out.printf("FAILED  %-24s %s%n", c.name(), c.problem());
            }
        }
        System.out.flush();
        if (failed > 0) {
            System.err.println("facecheck: " + failed + " of " + checks.size() + " models failed verification in "
                    + dir.toAbsolutePath());
            return ExitCodes.MODEL;
        }
        return ExitCodes.OK;
    }
}
