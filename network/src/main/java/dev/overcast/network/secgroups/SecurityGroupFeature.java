package dev.overcast.network.secgroups;

import java.util.List;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Routes;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.NetworkFeature;
import dev.overcast.network.QuotaCheck;

/**
 * Security groups and their rules ({@code security-group}, {@code stateful-security-group}),
 * each project's {@code default} group made on demand. Ports get their groups through
 * {@link PortSecurityGroups}.
 */
public final class SecurityGroupFeature implements NetworkFeature {
    private final SecurityGroupApi groups;
    private final SecurityGroupRuleApi rules;

    /** @param quotas checks security_group and security_group_rule quotas on create */
    public SecurityGroupFeature(NetworkContext ctx, QuotaCheck quotas) {
        DefaultGroups defaults = new DefaultGroups(ctx.clock());
        this.groups = new SecurityGroupApi(ctx, quotas, defaults);
        this.rules = new SecurityGroupRuleApi(ctx, quotas, defaults);
    }

    /**
     * What the tags API ({@code standard-attr-tag}) needs of a security group, in the shape of
     * the core's {@code Taggable}: a 404 {@code SecurityGroupNotFound} unless the caller sees
     * group {@code id}, and a 403 unless it may read it ({@code get_security_group}) or, when
     * {@code modify}, update it ({@code update_security_group}). Tags are rows of the
     * {@code tags} table with resource type {@code security-groups}; groups show them.
     */
    public void checkTaggable(Handle handle, Request request, String id, boolean modify) {
        groups.checkTaggable(handle, request, id, modify);
    }

    @Override
    public void routes(Routes routes) {
        groups.routes(routes);
        rules.routes(routes);
    }

    @Override
    public List<Extension> extensions() {
        return List.of(
                new Extension("security-group", "security-group", "The security groups extension."),
                new Extension("stateful-security-group", "Stateful security group",
                        "Indicates if the security group is stateful or not"),
                new Extension("security-groups-normalized-cidr", "Security Group Rule normalized CIDR",
                        "Add new field with normalized remote_ip_prefix cidr in SG rule"),
                new Extension("security-groups-shared-filtering", "Security group filtering on the shared field",
                        "Support filtering security groups on the shared field"));
    }

    @Override
    public List<Collection> collections() {
        return List.of(new Collection("security_group", "security-groups"),
                new Collection("security_group_rule", "security-group-rules"));
    }
}
