package dev.overcast.identity.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Users and their password history. */
@RegisterConstructorMapper(UserRow.class)
public interface UserStore {

    @SqlQuery("select * from users where id = :id")
    Optional<UserRow> find(@Bind("id") String id);

    @SqlQuery("select * from users where name = :name and domain_id = :domainId")
    Optional<UserRow> findByName(@Bind("name") String name, @Bind("domainId") String domainId);

    @SqlQuery("select * from users order by name, id")
    List<UserRow> list();

    @SqlUpdate("""
            insert into users (id, name, domain_id, enabled, default_project_id, password_hash, password_created_at,
                password_expires_at, failed_auth_count, failed_auth_at, options, extra, created_at, last_active_at)
            values (:id, :name, :domainId, :enabled, :defaultProjectId, :passwordHash, :passwordCreatedAt,
                :passwordExpiresAt, :failedAuthCount, :failedAuthAt, :options, :extra, :createdAt, :lastActiveAt)""")
    void insert(@BindMethods UserRow row);

    @SqlUpdate("""
            update users set name = :name, enabled = :enabled, default_project_id = :defaultProjectId,
                password_hash = :passwordHash, password_created_at = :passwordCreatedAt,
                password_expires_at = :passwordExpiresAt, failed_auth_count = :failedAuthCount,
                failed_auth_at = :failedAuthAt, options = :options, extra = :extra, last_active_at = :lastActiveAt
            where id = :id""")
    void update(@BindMethods UserRow row);

    @SqlUpdate("delete from users where id = :id")
    int delete(@Bind("id") String id);

    /** Records a password set by an admin (or at creation). */
    default void addHistory(String userId, String hash, Instant at) {
        addHistory(userId, hash, at, false);
    }

    /** @param selfService whether the user set it themselves (held to the minimum password age) */
    @SqlUpdate("""
            insert into password_history (user_id, password_hash, created_at, self_service)
            values (:userId, :hash, :at, :selfService)""")
    void addHistory(@Bind("userId") String userId, @Bind("hash") String hash, @Bind("at") Instant at,
                    @Bind("selfService") boolean selfService);

    /** Whether the user's newest password was set by themselves; empty if they have no history. */
    @SqlQuery("select self_service from password_history where user_id = :userId order by created_at desc limit 1")
    Optional<Boolean> newestIsSelfService(@Bind("userId") String userId);

    /** Counts a failed password authentication (Keystone counts even with lockout off). */
    @SqlUpdate("update users set failed_auth_count = failed_auth_count + 1, failed_auth_at = :at where id = :id")
    void recordFailedAuth(@Bind("id") String id, @Bind("at") Instant at);

    @SqlUpdate("update users set failed_auth_count = 0, failed_auth_at = null where id = :id")
    void resetFailedAuth(@Bind("id") String id);

    @SqlQuery("select password_hash from password_history where user_id = :userId order by created_at desc")
    List<String> history(@Bind("userId") String userId);
}
