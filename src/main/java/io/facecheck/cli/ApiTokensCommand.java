package io.facecheck.cli;

import io.facecheck.app.OpenMode;
import io.facecheck.app.ApiScope;
import io.facecheck.app.ApiTokenService;
import io.facecheck.app.InvalidInput;
import io.facecheck.config.Messages;
import io.facecheck.store.ApiToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code facecheck api-tokens create|list|revoke}: the tokens of {@code facecheck serve}. */
@Command(name = "api-tokens", mixinStandardHelpOptions = true,
        subcommands = {ApiTokensCommand.CreateCmd.class, ApiTokensCommand.ListCmd.class,
                ApiTokensCommand.RevokeCmd.class})
final class ApiTokensCommand {
    // not Runnable: without a sub-command picocli reports a usage error (see FaceCheckCommand)

    @Command(name = "create", mixinStandardHelpOptions = true)
    static final class CreateCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "NAME", descriptionKey = "help.api-tokens.create.name")
        String name;
        @Option(names = "--scopes", required = true, paramLabel = "LIST", descriptionKey = "help.api-tokens.create.scopes")
        String scopes;
        @Mixin
        ActorOption actor;
        @Option(names = "--json", descriptionKey = "help.api-tokens.create.json")
        boolean json;

        @Override
        public Integer call() {
            var wanted = parse(scopes);
            // the first step of an API-only install, as admin-user add is of a desktop one: it may set up the database
            return store.withBackend(OpenMode.CREATE, backend -> {
                ApiTokenService.Created c;
                try {
                    c = backend.apiTokens().create(name, wanted, actor.name());
                } catch (InvalidInput e) {
                    throw CliException.of(ExitCodes.FAILURE, e);
                }
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", c.token().name());
                    m.put("scopes", new TreeSet<>(c.token().scopes()));
                    m.put("token", c.secret());
                    Json.print(m);
                } else {
                    CliMessages.warn("cli.api.tokenCreated", c.token().name(), String.join(",",
                            new TreeSet<>(c.token().scopes())));
                    System.out.println(c.secret());
                    System.out.flush();
                }
                return ExitCodes.OK;
            });
        }

        private static java.util.Set<ApiScope> parse(String scopes) {
            try {
                return ApiScope.parse(scopes);
            } catch (InvalidInput e) {
                throw CliException.of(ExitCodes.USAGE, e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--json", descriptionKey = "help.api-tokens.list.json")
        boolean json;

        @Override
        public Integer call() {
            return store.withBackend(OpenMode.EXISTING, backend -> {
                List<ApiToken> tokens = backend.apiTokens().list();
                if (json) {
                    List<Object> out = new ArrayList<>();
                    for (ApiToken t : tokens) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("name", t.name());
                        m.put("scopes", new TreeSet<>(t.scopes()));
                        m.put("created", t.created().toString());
                        m.put("lastUsed", t.lastUsed() == null ? null : t.lastUsed().toString());
                        m.put("revoked", t.revoked() == null ? null : t.revoked().toString());
                        out.add(m);
                    }
                    Json.print(out);
                } else if (tokens.isEmpty()) {
                    CliMessages.out("cli.api.noTokens");
                } else {
                    for (ApiToken t : tokens) {
                        CliMessages.out("cli.api.tokenLine", t.name(), String.join(",", new TreeSet<>(t.scopes())),
                                t.created(), t.lastUsed() == null ? Messages.get("cli.api.never") : t.lastUsed(),
                                t.revoked() == null ? Messages.get("cli.api.active")
                                        : Messages.get("cli.api.revokedAt", t.revoked()));
                    }
                    System.out.flush();
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true)
    static final class RevokeCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "NAME", descriptionKey = "help.api-tokens.revoke.name")
        String name;
        @Mixin
        ActorOption actor;

        @Override
        public Integer call() {
            return store.withBackend(OpenMode.EXISTING, backend -> {
                backend.apiTokens().revoke(name, actor.name());
                CliMessages.out("cli.api.tokenRevoked", name);
                return ExitCodes.OK;
            });
        }
    }
}
