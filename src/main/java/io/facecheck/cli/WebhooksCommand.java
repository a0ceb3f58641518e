package io.facecheck.cli;

import io.facecheck.app.OpenMode;
import io.facecheck.app.WebhookDispatcher;
import io.facecheck.app.WebhookService;
import io.facecheck.store.Webhook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code facecheck webhooks add|list|remove|deliver} (docs/webhooks.md). */
@Command(name = "webhooks", mixinStandardHelpOptions = true,
        subcommands = {WebhooksCommand.AddCmd.class, WebhooksCommand.ListCmd.class, WebhooksCommand.RemoveCmd.class,
                WebhooksCommand.DeliverCmd.class})
final class WebhooksCommand {
    // not Runnable: without a sub-command picocli reports a usage error (see FaceCheckCommand)

    static Map<String, Object> json(Webhook w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("url", w.url());
        m.put("events", List.copyOf(w.events()));
        m.put("createdAt", w.createdAt().toString());
        m.put("createdBy", w.createdBy());
        m.put("pending", w.pending());
        m.put("failing", w.failing());
        m.put("delivered", w.delivered());
        m.put("attempts", w.attempts());
        m.put("lastError", w.lastError());
        m.put("lastAttemptAt", w.lastAttemptAt() == null ? null : w.lastAttemptAt().toString());
        m.put("nextAttemptAt", w.nextAttemptAt() == null ? null : w.nextAttemptAt().toString());
        return m;
    }

    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class AddCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "URL", descriptionKey = "help.webhooks.add.url")
        String url;
        @Option(names = "--events", required = true, paramLabel = "TYPES",
                descriptionKey = "help.webhooks.add.events")
        String events;
        @Option(names = "--secret-file", required = true, paramLabel = "FILE",
                descriptionKey = "help.webhooks.add.secret-file")
        Path secretFile;
        @Mixin
        ActorOption actor;
        @Option(names = "--json", descriptionKey = "help.webhooks.add.json")
        boolean json;

        @Override
        public Integer call() {
            return store.withBackend(OpenMode.EXISTING, backend -> {
                Webhook w = backend.webhooks().add(url, events, secretFile, actor.name());
                if (json) {
                    Json.print(json(w));
                } else {
                    CliMessages.out("webhooks.cli.added", w.id(), w.url(), String.join(",", w.events()));
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--json", descriptionKey = "help.webhooks.list.json")
        boolean json;

        @Override
        public Integer call() {
            return store.withBackend(OpenMode.EXISTING, backend -> {
                List<Webhook> hooks = backend.webhooks().list();
                if (json) {
                    Json.print(hooks.stream().map(WebhooksCommand::json).toList());
                } else if (hooks.isEmpty()) {
                    CliMessages.out("webhooks.cli.none");
                } else {
                    for (Webhook w : hooks) {
                        CliMessages.out("webhooks.cli.row", w.id(), w.url(), String.join(",", w.events()),
                                w.pending(), w.failing(), w.delivered());
                        if (w.failing() > 0) {
                            CliMessages.out("webhooks.cli.failure", w.attempts(), w.lastError(),
                                    w.nextAttemptAt() == null ? "-" : w.nextAttemptAt().toString());
                        }
                    }
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true)
    static final class RemoveCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "help.webhooks.remove.id")
        long id;
        @Mixin
        ActorOption actor;

        @Override
        public Integer call() {
            return store.withBackend(OpenMode.EXISTING, backend -> {
                backend.webhooks().remove(id, actor.name());
                CliMessages.out("webhooks.cli.removed", id);
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "deliver", mixinStandardHelpOptions = true)
    static final class DeliverCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "30",
                descriptionKey = "help.webhooks.deliver.wait")
        int waitSeconds;
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
                descriptionKey = "help.webhooks.deliver.timeout")
        int timeoutSeconds;
        @Option(names = "--json", descriptionKey = "help.webhooks.deliver.json")
        boolean json;

        @Override
        public Integer call() {
            if (waitSeconds < 1) {
                throw CliException.of(ExitCodes.USAGE, "webhooks.cli.badWait", waitSeconds);
            }
            if (timeoutSeconds < 1) {
                throw CliException.of(ExitCodes.USAGE, "webhooks.cli.badTimeout", timeoutSeconds);
            }
            WebhookDispatcher.Options defaults = WebhookDispatcher.Options.DEFAULTS;
            WebhookDispatcher.Options options = new WebhookDispatcher.Options(defaults.firstRetry(),
                    defaults.maxDelay(), Duration.ofSeconds(timeoutSeconds), defaults.poll());
            return store.withBackend(OpenMode.EXISTING, backend -> {
                WebhookService service = backend.webhooks();
                service.retryNow(null);
                WebhookDispatcher dispatcher = backend.webhookDispatcher(options);
                long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
                int delivered = 0;
                int failed = 0;
                WebhookService.Counts left = service.counts();
                // events in back-off, or claimed by a process that died mid-attempt, come due while we wait
                while (left.pending() > 0 && System.nanoTime() < deadline) {
                    WebhookDispatcher.Pass p = dispatcher.deliverDue(Duration.ofNanos(deadline - System.nanoTime()));
                    delivered += p.delivered();
                    failed += p.failed();
                    left = service.counts();
                    if (left.pending() > 0 && p.delivered() + p.failed() == 0) {
                        sleep(Math.min(options.poll().toNanos(), deadline - System.nanoTime()));
                    }
                }
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("delivered", delivered);
                    m.put("failed", failed);
                    m.put("pending", left.pending());
                    m.put("failing", left.failing());
                    Json.print(m);
                } else {
                    CliMessages.out("webhooks.cli.deliver", delivered, failed, left.pending(), left.failing());
                }
                return left.pending() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
            });
        }

        private static void sleep(long nanos) {
            if (nanos <= 0) {
                return;
            }
            try {
                Thread.sleep(Duration.ofNanos(nanos).toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
