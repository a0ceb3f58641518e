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
                CliMessages.out("cli.models.verified", DisplayWidth.padRight(c.name(), 24), c.outputs(), c.millis());
            } else {
                failed++;
                CliMessages.out("cli.models.failed", DisplayWidth.padRight(c.name(), 24), c.problem());
            }
        }
        System.out.flush();
        if (failed > 0) {
            CliMessages.warn("cli.models.failedCount", failed, checks.size(), dir.toAbsolutePath());
            return ExitCodes.MODEL;
        }
        return ExitCodes.OK;
    }
}
