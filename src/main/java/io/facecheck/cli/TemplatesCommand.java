package io.facecheck.cli;

import io.facecheck.app.OpenMode;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code facecheck templates rebuild}: re-embed the kept enrollment crops with the current embedder. */
@Command(name = "templates", mixinStandardHelpOptions = true, subcommands = {TemplatesCommand.Rebuild.class})
final class TemplatesCommand {
    // not Runnable: without a sub-command picocli reports a usage error (see FaceCheckCommand)

    @Command(name = "rebuild", mixinStandardHelpOptions = true)
    static final class Rebuild implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Mixin
        EngineOptions engineOptions;
        @Mixin
        ActorOption actor;

        @Override
        public Integer call() {
            try (AttendanceContext ctx = AttendanceContext.open(store, engineOptions, OpenMode.EXISTING)) {
                int n = ctx.backend.templates().rebuild(ctx.engine.embedder(), actor.name());
                CliMessages.out("cli.templates.rebuilt", n, ctx.engine.embedder().modelId());
                return ExitCodes.OK;
            } catch (StoreException e) {
                throw StoreOptions.asCli(e);
            }
        }
    }
}
