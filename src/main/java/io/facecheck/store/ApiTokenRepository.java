package io.facecheck.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** API tokens (V9): their names, SHA-256 hashes, scopes and use. */
public final class ApiTokenRepository {
    private static final String COLUMNS = "id, name, scopes, created_at, last_used, revoked_at";

    private final Database db;
    private final Clock clock;

    public ApiTokenRepository(Database db) {
        this(db, Clock.systemUTC());
    }

    public ApiTokenRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores a new token. {@code CONFLICT} when the name is taken (also by a revoked token). */
    public ApiToken create(String name, String hash, Set<String> scopes) {
        return db.inTransaction(conn -> {
            if (find(name).isPresent()) {
                throw new StoreException(StoreException.Kind.CONFLICT, "an API token named " + name
                        + " already exists (names of revoked tokens stay taken)");
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO api_token (name, token_hash, scopes, "
                    + "created_at) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.setString(2, hash);
                ps.setString(3, String.join(",", scopes));
                Rows.setInstant(ps, 4, clock.instant());
                ps.executeUpdate();
            }
            return find(name).orElseThrow();
        });
    }

    public Optional<ApiToken> find(String name) {
        return one("WHERE name = ?", name);
    }

    /** The token whose secret hashes to {@code hash}, revoked or not. */
    public Optional<ApiToken> findByHash(String hash) {
        return one("WHERE token_hash = ?", hash);
    }

    /** Every token, by name. */
    public List<ApiToken> list() {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM api_token ORDER BY name")) {
                return read(ps);
            }
        });
    }

    /** Marks the token revoked; false when there is no valid token of that name. */
    public boolean revoke(String name) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE api_token SET revoked_at = ? "
                    + "WHERE name = ? AND revoked_at IS NULL")) {
                Rows.setInstant(ps, 1, clock.instant());
                ps.setString(2, name);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Records a use at {@code at}. */
    public void touch(long id, Instant at) {
        db.run(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE api_token SET last_used = ? WHERE id = ?")) {
                Rows.setInstant(ps, 1, at);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        });
    }

    private Optional<ApiToken> one(String where, String value) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM api_token " + where)) {
                ps.setString(1, value);
                return read(ps).stream().findFirst();
            }
        });
    }

    private static List<ApiToken> read(PreparedStatement ps) throws SQLException {
        List<ApiToken> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Set<String> scopes = new LinkedHashSet<>(Arrays.asList(rs.getString("scopes").split(",")));
                scopes.remove("");
                out.add(new ApiToken(rs.getLong("id"), rs.getString("name"), scopes, Rows.instant(rs, "created_at"),
                        Rows.instant(rs, "last_used"), Rows.instant(rs, "revoked_at")));
            }
        }
        return out;
    }
}
