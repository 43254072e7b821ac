package dev.overcast.identity;

import java.time.Clock;
import java.util.List;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.auth.RevocationEvent;
import dev.overcast.core.auth.RevocationList;
import dev.overcast.core.auth.TokenCodec;
import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.http.Routes;
import dev.overcast.core.http.ServiceApi;
import dev.overcast.core.policy.Policy;
import dev.overcast.core.schema.Schemas;
import dev.overcast.identity.catalog.CatalogApi;
import dev.overcast.identity.credential.ApplicationCredentialMethod;
import dev.overcast.identity.credential.CredentialRoutes;
import dev.overcast.identity.group.GroupApi;
import dev.overcast.identity.project.ProjectApi;
import dev.overcast.identity.federation.FederationApi;
import dev.overcast.identity.registry.RegistryApi;
import dev.overcast.identity.role.GrantApi;
import dev.overcast.identity.role.RoleApi;
import dev.overcast.identity.token.RevocationApi;
import dev.overcast.identity.token.TokenApi;
import dev.overcast.identity.trust.TrustApi;
import dev.overcast.identity.user.Passwords;
import dev.overcast.identity.user.UserApi;

/** Identity: the Keystone v3 API under {@code /identity}. */
public final class IdentityService implements ServiceApi {
    private final IdentityContext ctx;
    private final Passwords passwords;

    /**
     * @param policy the identity policy: {@link IdentityPolicy#defaults()} with any operator overrides
     * @param passwordHashRounds bcrypt cost for new password hashes
     */
    public IdentityService(Jdbi jdbi, Policy policy, TokenCodec tokens, RevocationList revocations, Clock clock,
                           IdentitySettings settings, int passwordHashRounds) {
        this.ctx = new IdentityContext(jdbi, policy, tokens, revocations, clock, new Schemas("identity"), settings);
        this.passwords = new Passwords(passwordHashRounds, settings.securityCompliance());
        revocations.addAll(loadRevocations(jdbi, clock, settings));
    }

    /** Creates what must exist (domain, admin, roles, catalog); safe to run on every start. */
    public void bootstrap(List<Bootstrap.CatalogEntry> catalog) {
        new Bootstrap(ctx, passwords).run(catalog);
    }

    @Override
    public String prefix() {
        return "/identity";
    }

    @Override
    public FaultFormat faults() {
        return new KeystoneFaults();
    }

    @Override
    public void routes(Routes routes) {
        new Discovery().routes(routes);
        new TokenApi(ctx, List.of(new ApplicationCredentialMethod(ctx, passwords)), passwords).routes(routes);
        new ProjectApi(ctx).routes(routes);
        new CatalogApi(ctx).routes(routes);
        new TrustApi(ctx).routes(routes);
        new RegistryApi(ctx, passwords).routes(routes);
        new FederationApi(ctx).routes(routes);
        new UserApi(ctx, passwords).routes(routes);
        new GroupApi(ctx).routes(routes);
        new CredentialRoutes(ctx, passwords).routes(routes);
        new RoleApi(ctx).routes(routes);
        new GrantApi(ctx).routes(routes);
        new RevocationApi(ctx).routes(routes);
    }

    private static List<RevocationEvent> loadRevocations(Jdbi jdbi, Clock clock, IdentitySettings settings) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select user_id, project_id, domain_id, role_id, audit_id, trust_id,
                            application_credential_id, issued_before
                        from revocation_event where issued_before > :horizon""")
                .bind("horizon", clock.instant().minus(settings.tokenLifetime()))
                .map((rs, c) -> new RevocationEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list());
    }
}
