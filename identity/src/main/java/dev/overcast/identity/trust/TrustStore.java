package dev.overcast.identity.trust;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Trusts. */
@RegisterConstructorMapper(TrustRow.class)
public interface TrustStore {

    @SqlQuery("select * from trust where id = :id")
    Optional<TrustRow> find(@Bind("id") String id);

    @SqlQuery("select * from trust order by created_at, id")
    List<TrustRow> list();

    @SqlUpdate("""
            insert into trust (id, trustor_user_id, trustee_user_id, project_id, impersonation, expires_at,
                remaining_uses, role_ids, extra, created_at)
            values (:id, :trustorUserId, :trusteeUserId, :projectId, :impersonation, :expiresAt,
                :remainingUses, :roleIds, :extra, :createdAt)""")
    void insert(@BindMethods TrustRow row);

    @SqlUpdate("update trust set remaining_uses = remaining_uses - 1 where id = :id and remaining_uses > 0")
    int consumeUse(@Bind("id") String id);

    @SqlUpdate("delete from trust where id = :id")
    int delete(@Bind("id") String id);
}
