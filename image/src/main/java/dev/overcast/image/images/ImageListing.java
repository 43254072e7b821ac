package dev.overcast.image.images;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.listing.ListApplier;
import dev.overcast.core.listing.ListQuery;
import dev.overcast.core.listing.ListSpec;
import dev.overcast.core.listing.Page;
import dev.overcast.core.listing.Sort;
import dev.overcast.core.json.Json;
import dev.overcast.image.ImageContext;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v2/images}, with Glance's rules for who sees what in a listing:
 *
 * <ul>
 *   <li>admins see every image;
 *   <li>others see their project's images, public images, and shared images whose member
 *       list has their project with status {@code member_status} (default {@code accepted},
 *       {@code all} for any);
 *   <li>community images of other projects appear only when {@code visibility=community}
 *       (or {@code all}) is asked for;
 *   <li>hidden images ({@code os_hidden}) are left out unless {@code os_hidden=true}.
 * </ul>
 *
 * <p>The database narrows the rows to those the caller may see at all; the filters, the
 * order and the page are then applied in memory with {@link ListApplier}, because custom
 * properties live in one JSON column that H2 and PostgreSQL query differently.
 */
final class ImageListing {
    /** Glance's {@code limit_param_default} and {@code api_limit_max}. */
    static final ListSpec SPEC = ListSpec.builder(1000)
            .defaultLimit(25)
            .sortKeys("name", "status", "container_format", "disk_format", "size", "id", "created_at",
                    "updated_at")
            .defaultSort(Sort.desc("created_at"))
            .tieBreaker("id")
            .build();

    private static final Map<String, Function<ImageRow, ? extends Comparable<?>>> SORT_KEYS = sortKeys();
    private static final Set<String> VISIBILITIES = Set.of("community", "public", "private", "shared", "all");
    private static final Set<String> MEMBER_STATUSES = Set.of("pending", "accepted", "rejected", "all");

    private final ImageContext ctx;

    ImageListing(ImageContext ctx) {
        this.ctx = ctx;
    }

    Response list(Request req) {
        AuthContext auth = req.auth();
        ctx.enforce(req, "get_images", Map.of("project_id", auth.projectId() == null ? "" : auth.projectId()));
        ListQuery query = ListQuery.parse(req.queryParams(), SPEC);
        String visibility = req.query("visibility").orElse(null);
        if (visibility != null && !VISIBILITIES.contains(visibility)) {
            throw ApiException.badRequest("Invalid visibility value: " + visibility);
        }
        String memberStatus = req.query("member_status").orElse("accepted");
        if (!MEMBER_STATUSES.contains(memberStatus)) {
            throw ApiException.badRequest("Invalid status: " + memberStatus);
        }
        Boolean hidden = req.query("os_hidden").map(v -> ImageFilter.bool("os_hidden", v)).orElse(false);
        Predicate<ImageRow> filter = ImageFilter.of(req.queryParams());
        boolean admin = Images.isAdmin(ctx, auth);
        List<String> tags = req.queryParams().getOrDefault("tag", List.of()).stream().map(String::strip).toList();

        Page<ImageRow> page = ctx.jdbi().withExtension(ImageStore.class, store -> {
            Map<String, String> memberships = auth.projectId() == null ? Map.of() : store.memberships(auth.projectId());
            List<Set<String>> tagged = tags.stream().map(store::taggedWith).toList();
            List<ImageRow> rows = new ArrayList<>();
            for (ImageRow row : store.visibleTo(auth.projectId(), admin)) {
                if (listed(row, auth, admin, visibility, memberStatus, memberships)
                        && row.osHidden() == hidden
                        && tagged.stream().allMatch(ids -> ids.contains(row.id()))
                        && filter.test(row)) {
                    rows.add(row);
                }
            }
            return ListApplier.page(rows, query, ImageRow::id, SORT_KEYS);
        });

        ObjectNode out = Json.object();
        ArrayNode images = out.putArray("images");
        Map<String, List<String>> tagsOf = new HashMap<>();
        ctx.jdbi().useExtension(ImageStore.class, store ->
                page.items().forEach(row -> tagsOf.put(row.id(), store.tags(row.id()))));
        page.items().forEach(row -> images.add(ImageView.of(row, tagsOf.get(row.id()))));
        Map<String, List<String>> params = new LinkedHashMap<>(req.queryParams());
        params.remove("marker");
        out.put("first", link(params));
        out.put("schema", "/v2/schemas/images");
        page.nextHref("/v2/images", params).ifPresent(next -> out.put("next", next));
        return Response.ok(out);
    }

    /** Whether {@code row}, which the caller may see, belongs in this listing. */
    static boolean listed(ImageRow row, AuthContext auth, boolean admin, String visibility, String memberStatus,
            Map<String, String> memberships) {
        if (visibility != null && !visibility.equals("all") && !visibility.equals(row.visibility())) {
            return false;
        }
        if (admin || row.owner() != null && row.owner().equals(auth.projectId())) {
            return true;
        }
        return switch (row.visibility()) {
            case "public" -> true;
            case "community" -> visibility != null;
            case "shared" -> memberships.containsKey(row.id())
                    && (memberStatus.equals("all") || memberStatus.equals(memberships.get(row.id())));
            default -> false;
        };
    }

    private static String link(Map<String, List<String>> params) {
        StringBuilder out = new StringBuilder("/v2/images");
        String sep = "?";
        for (var param : new java.util.TreeMap<>(params).entrySet()) {
            for (String value : param.getValue()) {
                out.append(sep).append(encode(param.getKey())).append('=').append(encode(value));
                sep = "&";
            }
        }
        return out.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map<String, Function<ImageRow, ? extends Comparable<?>>> sortKeys() {
        Map<String, Function<ImageRow, ? extends Comparable<?>>> keys = new HashMap<>();
        keys.put("name", ImageRow::name);
        keys.put("status", ImageRow::status);
        keys.put("container_format", ImageRow::containerFormat);
        keys.put("disk_format", ImageRow::diskFormat);
        keys.put("size", ImageRow::size);
        keys.put("id", ImageRow::id);
        keys.put("created_at", ImageRow::createdAt);
        keys.put("updated_at", ImageRow::updatedAt);
        return Map.copyOf(keys);
    }
}
