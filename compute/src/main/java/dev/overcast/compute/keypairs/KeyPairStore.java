package dev.overcast.compute.keypairs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import dev.overcast.compute.ComputeContext;
import dev.overcast.core.http.ApiException;

/** Key pairs in the API database, by user and name. */
public final class KeyPairStore {
    private static final String COLUMNS = "id, name, user_id, fingerprint, public_key, type, created_at, updated_at";

    private final Jdbi api;

    public KeyPairStore(ComputeContext ctx) {
        this.api = ctx.api();
    }

    /** {@code userId}'s key pair called {@code name}, as a server being built looks it up. */
    public Optional<KeyPair> find(String userId, String name) {
        return row(userId, name).map(KeyPairRow::keyPair);
    }

    Optional<KeyPairRow> row(String userId, String name) {
        return api.withHandle(h -> h.createQuery("select " + COLUMNS + " from key_pairs where user_id = :u and name = :n")
                .bind("u", userId).bind("n", name).map((rs, c) -> row(rs)).findOne());
    }

    /**
     * A page of {@code userId}'s key pairs by name: at most {@code count} after {@code marker}
     * (a name; a 400 if the user has no such key pair).
     */
    List<KeyPairRow> page(String userId, String marker, int count) {
        return api.withHandle(h -> {
            if (marker != null && h.createQuery("select count(*) from key_pairs where user_id = :u and name = :n")
                    .bind("u", userId).bind("n", marker).mapTo(Integer.class).one() == 0) {
                throw ApiException.badRequest("Marker " + marker + " could not be found.");
            }
            var query = h.createQuery("select " + COLUMNS + " from key_pairs where user_id = :u"
                            + (marker == null ? "" : " and name > :marker") + " order by name, id limit :limit")
                    .bind("u", userId).bind("limit", count);
            if (marker != null) {
                query.bind("marker", marker);
            }
            return query.map((rs, c) -> row(rs)).list();
        });
    }

    /** Stores a new key pair; a 409 if the user has one of that name. */
    void insert(KeyPair k) {
        try {
            api.useHandle(h -> h.createUpdate("""
                            insert into key_pairs (name, user_id, fingerprint, public_key, type, created_at)
                            values (:name, :user, :fingerprint, :key, :type, :now)""")
                    .bind("name", k.name()).bind("user", k.userId()).bind("fingerprint", k.fingerprint())
                    .bind("key", k.publicKey()).bind("type", k.type()).bind("now", k.createdAt()).execute());
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                throw ApiException.conflict("Key pair '" + k.name() + "' already exists.");
            }
            throw e;
        }
    }

    boolean exists(String userId, String name) {
        return row(userId, name).isPresent();
    }

    /** Deletes {@code userId}'s key pair {@code name}; false if there was none. */
    boolean delete(String userId, String name) {
        return api.withHandle(h -> h.createUpdate("delete from key_pairs where user_id = :u and name = :n")
                .bind("u", userId).bind("n", name).execute()) > 0;
    }

    private static boolean isUniqueViolation(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static KeyPairRow row(ResultSet rs) throws SQLException {
        KeyPair k = new KeyPair(rs.getString("name"), rs.getString("user_id"), rs.getString("fingerprint"),
                rs.getString("public_key"), rs.getString("type"), instant(rs, "created_at"));
        return new KeyPairRow(rs.getLong("id"), k, instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A key pair with the row id and update time its full view shows. */
    record KeyPairRow(long id, KeyPair keyPair, Instant updatedAt) {
    }
}
