package dev.overcast.orchestration.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.stacks.StackRow;

/**
 * {@code GET /stacks}: Heat's filters ({@code id}, {@code name}, {@code status}, {@code action},
 * {@code tenant}, {@code username}, {@code owner_id}, tags), sort keys, paging,
 * {@code show_deleted}, {@code show_nested} and, for admins, {@code global_tenant}.
 */
final class StackListing {
    private static final List<String> SORT_KEYS = List.of("stack_name", "stack_status", "creation_time",
            "updated_time", "created_at", "updated_at", "name", "status");
    private final ApiContext ctx;

    StackListing(ApiContext ctx) {
        this.ctx = ctx;
    }

    Response list(Request req) {
        AuthContext auth = ctx.enforce(req, "stacks:index");
        String tenant = req.param("tenant_id");
        boolean global = req.flag("global_tenant");
        if (global && !ctx.allowed(auth, "stacks:global_index", tenant)) {
            throw new HeatError(403, "Forbidden", "You are not authorized to complete this action.");
        }
        boolean nested = req.flag("show_nested");
        List<StackRow> rows = ctx.store().list(global ? null : tenant, req.flag("show_deleted"));
        List<StackRow> kept = new ArrayList<>();
        for (StackRow s : rows) {
            if ((nested || s.ownerId() == null) && passes(req, s)) {
                kept.add(s);
            }
        }
        List<StackRow> page = Paging.page(Paging.sorted(kept, order(req), req), StackRow::id, req);
        List<Map<String, Object>> out = page.stream().map(s -> StackViews.summary(req, s, global)).toList();
        return Response.ok(Map.of("stacks", out));
    }

    private static boolean passes(Request req, StackRow s) {
        List<String> statuses = req.queryParams().get("status");
        if (statuses != null && !statuses.isEmpty()
                && !statuses.contains(s.status()) && !statuses.contains(s.stackStatus())) {
            return false;
        }
        List<String> tags = req.queryParams().get("tags");
        if (tags != null && !tags.isEmpty() && !s.tags().containsAll(List.of(tags.getLast().split(",")))) {
            return false;
        }
        List<String> anyTags = req.queryParams().get("tags_any");
        if (anyTags != null && !anyTags.isEmpty()
                && List.of(anyTags.getLast().split(",")).stream().noneMatch(s.tags()::contains)) {
            return false;
        }
        List<String> notTags = req.queryParams().get("not_tags");
        if (notTags != null && !notTags.isEmpty() && s.tags().containsAll(List.of(notTags.getLast().split(",")))) {
            return false;
        }
        List<String> notAny = req.queryParams().get("not_tags_any");
        if (notAny != null && !notAny.isEmpty()
                && List.of(notAny.getLast().split(",")).stream().anyMatch(s.tags()::contains)) {
            return false;
        }
        return Paging.matches(req, "id", s.id()) && Paging.matches(req, "name", s.name())
                && Paging.matches(req, "stack_name", s.name())
                && Paging.matches(req, "action", s.action()) && Paging.matches(req, "tenant", s.projectId())
                && Paging.matches(req, "username", Objects.toString(s.userId(), ""))
                && Paging.matches(req, "owner_id", Objects.toString(s.ownerId(), ""));
    }

    private static Comparator<StackRow> order(Request req) {
        String key = req.query("sort_keys").orElse(req.query("sort_key").orElse("creation_time"));
        if (!SORT_KEYS.contains(key)) {
            throw HeatError.badRequest("Sortkey '" + key + "' is not supported; use one of "
                    + String.join(", ", SORT_KEYS.subList(0, 4)) + ".");
        }
        Comparator<StackRow> byCreation = Comparator.comparing(StackRow::createdAt).thenComparing(StackRow::id);
        return switch (key) {
            case "stack_name", "name" -> Comparator.comparing(StackRow::name).thenComparing(byCreation);
            case "stack_status", "status" -> Comparator.comparing(StackRow::stackStatus).thenComparing(byCreation);
            case "updated_time", "updated_at" -> Comparator.comparing((StackRow s) -> s.updatedAt() == null
                    ? s.createdAt() : s.updatedAt()).thenComparing(byCreation);
            default -> byCreation;
        };
    }
}
