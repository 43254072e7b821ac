package dev.overcast.image.metadefs;

import java.util.Map;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.image.ImageContext;

/**
 * Finding a namespace as the caller may see it, Glance's way: admins see every namespace,
 * others public ones, ones owned by no project and their own project's. One they may not
 * see is a 404, as if it did not exist.
 */
final class Namespaces {
    private final ImageContext ctx;

    Namespaces(ImageContext ctx) {
        this.ctx = ctx;
    }

    boolean isAdmin(AuthContext auth) {
        return ctx.allowed(auth, "context_is_admin", Map.of());
    }

    boolean visible(AuthContext auth, Rows.Namespace ns) {
        return isAdmin(auth) || ns.visibility().equals("public") || ns.owner() == null
                || ns.owner().equals(auth.projectId());
    }

    /** The namespace named in the path, enforcing {@code rule} on it; 404 if the caller cannot see it. */
    Rows.Namespace find(Request req, String rule) {
        return ctx.jdbi().withHandle(h -> find(h, req, rule));
    }

    private Rows.Namespace find(Handle h, Request req, String rule) {
        String name = req.param("namespace");
        Rows.Namespace ns = h.attach(MetadefStore.class).namespace(name)
                .filter(found -> visible(req.auth(), found))
                .orElseThrow(() -> notFound(name));
        ctx.enforce(req, rule, ns.target());
        return ns;
    }

    /** A namespace's contents are deleted only with it, or not at all while it is protected. */
    static void requireUnprotected(Rows.Namespace ns, String what) {
        if (ns.isProtected()) {
            throw ApiException.forbidden(what + " in namespace " + ns.name()
                    + " cannot be deleted because the namespace is protected.");
        }
    }

    static ApiException notFound(String name) {
        return ApiException.notFound("Metadata definition namespace=" + name + " was not found.");
    }
}
