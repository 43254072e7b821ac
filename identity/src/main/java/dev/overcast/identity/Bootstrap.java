package dev.overcast.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.identity.catalog.CatalogStore;
import dev.overcast.identity.catalog.EndpointRow;
import dev.overcast.identity.catalog.RegionRow;
import dev.overcast.identity.catalog.ServiceRow;
import dev.overcast.identity.project.ProjectRow;
import dev.overcast.identity.project.ProjectStore;
import dev.overcast.identity.role.AssignmentRow;
import dev.overcast.identity.role.RoleRow;
import dev.overcast.identity.role.RoleStore;
import dev.overcast.identity.user.Passwords;
import dev.overcast.identity.user.UserRow;
import dev.overcast.identity.user.UserStore;

/**
 * What {@code keystone-manage bootstrap} does, on every start and idempotently: the
 * {@code Default} domain, the {@code admin} project and user, the {@code admin ⇒ member ⇒
 * reader} roles (and {@code service}), the admin's role on the project and the system, the
 * region, and a catalog entry for each service Overcast serves. The admin's password is set
 * only when the user is created.
 */
public final class Bootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

    /** A service to list in the catalog: its type, name and path under the public URL. */
    public record CatalogEntry(String type, String name, String path) {
    }

    private final IdentityContext ctx;
    private final Passwords passwords;

    public Bootstrap(IdentityContext ctx, Passwords passwords) {
        this.ctx = ctx;
        this.passwords = passwords;
    }

    public void run(List<CatalogEntry> catalog) {
        ctx.jdbi().useTransaction(h -> {
            Instant now = ctx.clock().instant();
            ProjectStore projects = h.attach(ProjectStore.class);
            if (projects.find("default").isEmpty()) {
                projects.insert(new ProjectRow("default", "Default", ProjectRow.ROOT, null,
                        "The default domain", true, true, "{}", now));
            }
            ProjectRow admin = projects.findByName("admin", "default").orElseGet(() -> {
                ProjectRow row = new ProjectRow(Ids.newId(), "admin", "default", "default",
                        "Bootstrap project for the cloud's administrators", true, false, "{}", now);
                projects.insert(row);
                return row;
            });
            Map<String, String> roles = Map.of("admin", role(h, "admin"), "member", role(h, "member"),
                    "reader", role(h, "reader"), "service", role(h, "service"));
            RoleStore roleStore = h.attach(RoleStore.class);
            if (!roleStore.implied(roles.get("admin")).contains(roles.get("member"))) {
                roleStore.addImplied(roles.get("admin"), roles.get("member"));
            }
            if (!roleStore.implied(roles.get("member")).contains(roles.get("reader"))) {
                roleStore.addImplied(roles.get("member"), roles.get("reader"));
            }
            UserStore users = h.attach(UserStore.class);
            UserRow user = users.findByName("admin", "default").orElseGet(() -> {
                String hash = passwords.hash(ctx.settings().adminPassword());
                UserRow row = new UserRow(Ids.newId(), "admin", "default", true, null, hash, now, null, 0, null,
                        "{}", "{}", now, null);
                users.insert(row);
                LOG.info("bootstrapped user admin in project admin, domain Default");
                return row;
            });
            grant(roleStore, new AssignmentRow(AssignmentRow.USER_PROJECT, user.id(), admin.id(), roles.get("admin"), false));
            grant(roleStore, new AssignmentRow(AssignmentRow.USER_SYSTEM, user.id(), AssignmentRow.SYSTEM, roles.get("admin"), false));
            registerCatalog(h, catalog);
        });
    }

    private static String role(Handle h, String name) {
        RoleStore store = h.attach(RoleStore.class);
        return store.findByName(name, RoleRow.GLOBAL).map(RoleRow::id).orElseGet(() -> {
            RoleRow row = new RoleRow(Ids.newId(), name, RoleRow.GLOBAL, null, "{}", "{}");
            store.insert(row);
            return row.id();
        });
    }

    private static void grant(RoleStore store, AssignmentRow row) {
        if (store.countGrant(row) == 0) {
            store.grant(row);
        }
    }

    private void registerCatalog(Handle h, List<CatalogEntry> entries) {
        CatalogStore store = h.attach(CatalogStore.class);
        String region = ctx.settings().region();
        if (store.findRegion(region).isEmpty()) {
            store.insertRegion(new RegionRow(region, "", null, "{}"));
        }
        for (CatalogEntry entry : entries) {
            ServiceRow service = store.services().stream().filter(s -> s.type().equals(entry.type())).findFirst()
                    .orElseGet(() -> {
                        ServiceRow row = new ServiceRow(Ids.newId(), entry.type(), true,
                                "{\"name\":\"" + entry.name() + "\",\"description\":\"\"}");
                        store.insertService(row);
                        return row;
                    });
            String url = ctx.settings().publicUrl() + entry.path();
            for (String iface : List.of("public", "internal", "admin")) {
                var existing = store.endpoints().stream()
                        .filter(e -> e.serviceId().equals(service.id()) && e.interfaceName().equals(iface)
                                && region.equals(e.regionId()))
                        .findFirst();
                if (existing.isEmpty()) {
                    store.insertEndpoint(new EndpointRow(Ids.newId(), service.id(), iface, url, region, true, "{}"));
                } else if (!existing.get().url().equals(url)) {
                    EndpointRow e = existing.get();
                    store.updateEndpoint(new EndpointRow(e.id(), e.serviceId(), iface, url, region, e.enabled(), e.extra()));
                }
            }
        }
    }
}
