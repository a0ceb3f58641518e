package io.facecheck.cli;

import io.facecheck.config.LocalizedMessage;
import io.facecheck.app.BackupService;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code facecheck restore FILE --db URL}. */
@Command(name = "restore", mixinStandardHelpOptions = true)
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;
    @Parameters(paramLabel = "FILE", descriptionKey = "help.restore.file")
    Path file;
    @Option(names = "--force", descriptionKey = "help.restore.force")
    boolean force;
    @Option(names = "--json", descriptionKey = "help.restore.json")
    boolean json;
    @Mixin
    ActorOption actor;

    @Override
    public Integer call() {
        try {
            BackupService.Result r = BackupService.restore(store.settings(), file, force, actor.name());
            BackupCommand.print(r, json, LocalizedMessage.of("cli.restore.restored", store.settings().database().url(),
                    r.file()));
            return ExitCodes.OK;
        } catch (StoreException e) {
            throw StoreOptions.asCli(e);
        }
    }
}
