package dev.overcast.network.secgroups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.NeutronErrors;
import dev.overcast.network.QuotaCheck;
import dev.overcast.network.Transactions;
import dev.overcast.network.api.Fields;
import dev.overcast.network.api.NeutronListing;
import dev.overcast.network.api.ResourceBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v2.0/security-group-rules}: create, list, show and delete (rules have no update,
 * as upstream). A rule belongs to its group's project.
 *
 * <p>A create locks its group's row, so two identical rules racing in cannot both pass the
 * duplicate check; that lock is also what a group delete takes.
 */
final class SecurityGroupRuleApi {
    private final NetworkContext ctx;
    private final QuotaCheck quotas;
    private final DefaultGroups defaults;
    private final NeutronListing listing;

    SecurityGroupRuleApi(NetworkContext ctx, QuotaCheck quotas, DefaultGroups defaults) {
        this.ctx = ctx;
        this.quotas = quotas;
        this.defaults = defaults;
        this.listing = NeutronListing.builder("security_group_rules", SecurityGroupView.RULE_ATTRIBUTES,
                ctx.settings().maxLimit()).build();
    }

    void routes(Routes r) {
        r.get("/v2.0/security-group-rules", this::list)
                .post("/v2.0/security-group-rules", this::create)
                .get("/v2.0/security-group-rules/{id}", this::show)
                .delete("/v2.0/security-group-rules/{id}", this::delete);
    }

    private Response list(Request req) {
        AuthContext auth = req.auth();
        List<ObjectNode> items = Transactions.write(ctx.jdbi(), h -> {
            if (auth.projectId() != null) {
                defaults.ensure(h, auth.projectId());
            }
            SecurityGroupStore store = h.attach(SecurityGroupStore.class);
            List<RuleRow> rules = ctx.isAdmin(auth) ? store.allRules() : store.rulesOf(auth.projectId());
            return rules.stream().filter(r -> ctx.allowed(auth, "get_security_group_rule", target(r)))
                    .map(SecurityGroupView::rule).toList();
        });
        return Response.ok(listing.render(req, items));
    }

    private Response show(Request req) {
        AuthContext auth = req.auth();
        RuleRow rule = ctx.jdbi().withExtension(SecurityGroupStore.class, store -> visible(store, auth,
                req.param("id")));
        ctx.enforce(req, "get_security_group_rule", target(rule));
        return Response.ok(Json.object().set("security_group_rule",
                Fields.project(req, SecurityGroupView.rule(rule))));
    }

    /**
     * One rule ({@code security_group_rule}) or several at once ({@code security_group_rules},
     * Neutron's bulk create): all in one group and one project, all or none.
     */
    private Response create(Request req) {
        AuthContext auth = req.auth();
        boolean bulk = req.hasBody() && req.json().isObject() && req.json().has("security_group_rules");
        List<RuleSpec> rules = bulk ? readBulk(req) : List.of(RuleSpec.read(
                ResourceBody.read(req, "security_group_rule", RuleSpec.CREATE_ATTRIBUTES)).validated());
        List<ObjectNode> items = Transactions.write(ctx.jdbi(), h -> insert(h, req, auth, rules));
        if (!bulk) {
            return Response.created(Json.object().set("security_group_rule", items.getFirst()));
        }
        ObjectNode out = Json.object();
        out.putArray("security_group_rules").addAll(items);
        return Response.created(out);
    }

    private static List<RuleSpec> readBulk(Request req) {
        JsonNode list = req.json().get("security_group_rules");
        if (!list.isArray() || list.isEmpty()) {
            throw NeutronErrors.of(400, "HTTPBadRequest", "Resources required");
        }
        List<RuleSpec> rules = new ArrayList<>();
        for (JsonNode element : list) {
            JsonNode item = element.isObject() && element.has("security_group_rule")
                    ? element.get("security_group_rule") : element;
            if (!item.isObject()) {
                throw NeutronErrors.of(400, "HTTPBadRequest", "Resource body required");
            }
            List<String> unknown = new ArrayList<>();
            item.propertyNames().forEach(name -> {
                if (!RuleSpec.CREATE_ATTRIBUTES.contains(name)) {
                    unknown.add(name);
                }
            });
            if (!unknown.isEmpty()) {
                throw NeutronErrors.of(400, "HTTPBadRequest",
                        "Unrecognized attribute(s) '" + String.join(", ", unknown) + "'");
            }
            rules.add(RuleSpec.read((ObjectNode) item).validated());
        }
        if (rules.stream().map(RuleSpec::securityGroupId).distinct().count() > 1) {
            throw NeutronErrors.of(400, "SecurityGroupNotSingleGroupRules",
                    "Only allowed to update rules for one security profile at a time");
        }
        if (rules.stream().map(r -> String.valueOf(r.projectId())).distinct().count() > 1) {
            throw NeutronErrors.of(400, "SecurityGroupRulesNotSingleProject",
                    "Multiple project_ids in bulk security group rule create not allowed");
        }
        Set<String> keys = new HashSet<>();
        for (RuleSpec rule : rules) {
            if (!keys.add(rule.key())) {
                throw NeutronErrors.conflict("DuplicateSecurityGroupRuleInPost",
                        "Duplicate Security Group Rule in POST.");
            }
        }
        return rules;
    }

    private List<ObjectNode> insert(Handle h, Request req, AuthContext auth, List<RuleSpec> rules) {
        SecurityGroupStore store = h.attach(SecurityGroupStore.class);
        RuleSpec first = rules.getFirst();
        GroupRow group = visibleGroup(store, auth, first.securityGroupId());
        String owner = first.projectId() != null ? first.projectId() : group.projectId();
        ctx.enforce(req, "create_security_group_rule", Map.of("project_id", owner, "tenant_id", owner));
        for (RuleSpec rule : rules) {
            if (rule.remoteGroupId() != null) {
                visibleGroup(store, auth, rule.remoteGroupId());
            }
        }
        // The project's quota lock before the group's, in the order a port create takes them.
        quotas.check(h, owner, "security_group_rule", rules.size());
        store.lockGroup(group.id()).orElseThrow(() -> SecurityGroupApi.notFound(group.id()));
        Map<String, String> existing = new HashMap<>();
        store.rulesIn(List.of(group.id())).forEach(r -> existing.putIfAbsent(r.key(), r.id()));
        Instant now = ctx.clock().instant();
        List<ObjectNode> out = new ArrayList<>();
        for (RuleSpec rule : rules) {
            String clash = existing.get(rule.key());
            if (clash != null) {
                throw NeutronErrors.conflict("SecurityGroupRuleExists",
                        "Security group rule already exists. Rule id is " + clash + ".");
            }
            RuleRow row = new RuleRow(UUID.randomUUID().toString(), group.id(), owner, rule.direction(),
                    rule.ethertype(), rule.protocol(), rule.portRangeMin(), rule.portRangeMax(),
                    rule.remoteIpPrefix() == null ? null : rule.remoteIpPrefix().text(), rule.remoteGroupId(),
                    rule.description(), now, now, 0);
            store.insertRule(row);
            out.add(SecurityGroupView.rule(row));
        }
        store.touchGroup(group.id(), now);
        return out;
    }

    private Response delete(Request req) {
        AuthContext auth = req.auth();
        Transactions.write(ctx.jdbi(), h -> {
            SecurityGroupStore store = h.attach(SecurityGroupStore.class);
            RuleRow rule = visible(store, auth, req.param("id"));
            ctx.enforce(req, "delete_security_group_rule", target(rule));
            store.deleteRule(rule.id());
            store.touchGroup(rule.securityGroupId(), ctx.clock().instant());
            return null;
        });
        return Response.noContent();
    }

    private RuleRow visible(SecurityGroupStore store, AuthContext auth, String id) {
        return store.rule(id).filter(r -> ctx.isAdmin(auth) || r.projectId().equals(auth.projectId()))
                .orElseThrow(() -> NeutronErrors.of(404, "SecurityGroupRuleNotFound",
                        "Security group rule " + id + " does not exist"));
    }

    private GroupRow visibleGroup(SecurityGroupStore store, AuthContext auth, String id) {
        return store.group(id).filter(g -> ctx.isAdmin(auth) || g.projectId().equals(auth.projectId()))
                .orElseThrow(() -> SecurityGroupApi.notFound(id));
    }

    private static Map<String, Object> target(RuleRow r) {
        return Map.of("project_id", r.projectId(), "tenant_id", r.projectId());
    }
}
