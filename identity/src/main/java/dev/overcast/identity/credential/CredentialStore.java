package dev.overcast.identity.credential;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Application credentials, access rules and credentials. */
@RegisterConstructorMapper(ApplicationCredentialRow.class)
@RegisterConstructorMapper(AccessRuleRow.class)
@RegisterConstructorMapper(CredentialRow.class)
public interface CredentialStore {

    // ---- application credentials ----

    @SqlQuery("select * from application_credential where id = :id")
    Optional<ApplicationCredentialRow> findAppCred(@Bind("id") String id);

    @SqlQuery("select * from application_credential where user_id = :userId and name = :name")
    Optional<ApplicationCredentialRow> findAppCredByName(@Bind("userId") String userId, @Bind("name") String name);

    @SqlQuery("select * from application_credential where user_id = :userId order by name, id")
    List<ApplicationCredentialRow> appCredsOf(@Bind("userId") String userId);

    @SqlUpdate("""
            insert into application_credential (id, name, user_id, project_id, secret_hash, description, expires_at,
                unrestricted, roles, created_at)
            values (:id, :name, :userId, :projectId, :secretHash, :description, :expiresAt, :unrestricted, :roles,
                :createdAt)""")
    void insertAppCred(@BindMethods ApplicationCredentialRow row);

    @SqlUpdate("delete from application_credential where id = :id")
    int deleteAppCred(@Bind("id") String id);

    // ---- access rules ----

    @SqlQuery("select * from access_rule where user_id = :userId order by id")
    List<AccessRuleRow> accessRulesOf(@Bind("userId") String userId);

    @SqlQuery("select * from access_rule where user_id = :userId and external_id = :externalId")
    Optional<AccessRuleRow> findAccessRule(@Bind("userId") String userId, @Bind("externalId") String externalId);

    @SqlQuery("""
            select * from access_rule
            where user_id = :userId and service = :service and path = :path and method = :method""")
    Optional<AccessRuleRow> findSameAccessRule(@Bind("userId") String userId, @Bind("service") String service,
                                               @Bind("path") String path, @Bind("method") String method);

    @SqlUpdate("""
            insert into access_rule (external_id, user_id, service, path, method)
            values (:externalId, :userId, :service, :path, :method)""")
    @GetGeneratedKeys("id")
    long insertAccessRule(@Bind("externalId") String externalId, @Bind("userId") String userId,
                          @Bind("service") String service, @Bind("path") String path, @Bind("method") String method);

    @SqlUpdate("delete from access_rule where id = :id")
    int deleteAccessRule(@Bind("id") long id);

    @SqlQuery("""
            select r.* from access_rule r join application_credential_access_rule l on l.access_rule_id = r.id
            where l.application_credential_id = :appCredId order by r.id""")
    List<AccessRuleRow> accessRulesOfAppCred(@Bind("appCredId") String appCredId);

    @SqlUpdate("""
            insert into application_credential_access_rule (application_credential_id, access_rule_id)
            values (:appCredId, :ruleId)""")
    void linkAccessRule(@Bind("appCredId") String appCredId, @Bind("ruleId") long ruleId);

    @SqlQuery("select count(*) from application_credential_access_rule where access_rule_id = :ruleId")
    int accessRuleUses(@Bind("ruleId") long ruleId);

    // ---- credentials ----

    @SqlQuery("select * from credential where id = :id")
    Optional<CredentialRow> findCredential(@Bind("id") String id);

    @SqlQuery("select * from credential order by created_at, id")
    List<CredentialRow> credentials();

    @SqlQuery("select * from credential where user_id = :userId and type = :type order by created_at, id")
    List<CredentialRow> credentialsOf(@Bind("userId") String userId, @Bind("type") String type);

    @SqlUpdate("""
            insert into credential (id, user_id, project_id, type, blob_data, extra, created_at)
            values (:id, :userId, :projectId, :type, :blobData, :extra, :createdAt)""")
    void insertCredential(@BindMethods CredentialRow row);

    @SqlUpdate("""
            update credential set user_id = :userId, project_id = :projectId, type = :type, blob_data = :blobData,
                extra = :extra where id = :id""")
    void updateCredential(@BindMethods CredentialRow row);

    @SqlUpdate("delete from credential where id = :id")
    int deleteCredential(@Bind("id") String id);
}
