package io.facecheck.app;

import io.facecheck.store.ApiToken;
import io.facecheck.store.ApiTokenRepository;
import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;
import io.facecheck.store.StoreException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tokens of the HTTP API: made (the secret is shown once and only its SHA-256 kept), listed, revoked, and checked
 * on every request. SHA-256 rather than bcrypt: the secret is 256 random bits, so no guessing can find it from its
 * hash, and a deliberately slow hash would only make every request slower (and the API easier to overload).
 */
public final class ApiTokenService {
    static final String AUDIT_ACTION = "api-token";
    /** The secret's prefix, so a leaked token is recognisable (secret scanners, logs). */
    static final String PREFIX = "fct_";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** last_used is written at most this often per token: a write per request would cost more than the request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new token and its secret, which is not stored and cannot be shown again. */
    public record Created(ApiToken token, String secret) {
    }

    private final Database db;
    private final ApiTokenRepository tokens;
    private final AuditLog audit;
    private final Clock clock;

    public ApiTokenService(Database db) {
        this(db, Clock.systemUTC());
    }

    public ApiTokenService(Database db, Clock clock) {
        this.db = db;
        this.tokens = new ApiTokenRepository(db, clock);
        this.audit = new AuditLog(db, clock);
        this.clock = clock;
    }

    /** Makes a token; {@code CONFLICT} when the name is taken, {@link InvalidInput} for a bad name or scope. */
    public Created create(String name, Set<ApiScope> scopes, String actor) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw InvalidInput.of("app.api.tokenName", String.valueOf(name));
        }
        if (scopes.isEmpty()) {
            throw InvalidInput.of("app.api.noScope", ApiScope.all());
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Set<String> words = scopes.stream().map(ApiScope::word).collect(Collectors.toCollection(
                java.util.LinkedHashSet::new));
        ApiToken t = db.inTransaction(c -> {
            ApiToken made = tokens.create(name, hash(secret), words);
            audit.record(actor, AUDIT_ACTION, name, "created with scopes " + String.join(",", words));
            return made;
        });
        return new Created(t, secret);
    }

    /** Every token, revoked ones included, without secrets. */
    public List<ApiToken> list() {
        return tokens.list();
    }

    /** Revokes the token; {@code NOT_FOUND} when there is no valid token of that name. */
    public void revoke(String name, String actor) {
        db.run(c -> {
            if (!tokens.revoke(name)) {
                throw new StoreException(StoreException.Kind.NOT_FOUND, "no valid API token named " + name);
            }
            audit.record(actor, AUDIT_ACTION, name, "revoked");
        });
    }

    /** The valid token with this secret, its use recorded; empty for an unknown or revoked one. */
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> found = tokens.findByHash(hash(secret)).filter(ApiToken::active);
        found.ifPresent(t -> {
            Instant now = clock.instant();
            if (t.lastUsed() == null || t.lastUsed().plus(TOUCH_EVERY).isBefore(now)) {
                tokens.touch(t.id(), now);
            }
        });
        return found;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
