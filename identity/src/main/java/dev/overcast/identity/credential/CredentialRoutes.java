package dev.overcast.identity.credential;

import dev.overcast.core.http.Routes;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.user.Passwords;

/** Registers application credentials, access rules, credentials and EC2 credentials. */
public final class CredentialRoutes {
    private final IdentityContext ctx;
    private final Passwords passwords;

    public CredentialRoutes(IdentityContext ctx, Passwords passwords) {
        this.ctx = ctx;
        this.passwords = passwords;
    }

    public void routes(Routes r) {
        new ApplicationCredentialApi(ctx, passwords).routes(r);
        new AccessRuleApi(ctx).routes(r);
        new CredentialApi(ctx).routes(r);
        new Ec2CredentialApi(ctx).routes(r);
    }
}
