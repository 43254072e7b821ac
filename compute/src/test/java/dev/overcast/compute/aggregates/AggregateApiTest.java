package dev.overcast.compute.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

class AggregateApiTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();
    static final AtomicInteger SEQ = new AtomicInteger();
    static ApiClient admin;
    static CellRows rows;

    @BeforeAll
    static void start() {
        admin = server.admin("2.96");
        rows = new CellRows(server);
    }

    private static String unique(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet();
    }

    private static Map<String, Object> aggregate(String name, String zone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        if (zone != null) {
            body.put("availability_zone", zone);
        }
        return Map.of("aggregate", body);
    }

    private static long create(String name, String zone) {
        Reply reply = admin.post("/v2.1/os-aggregates", aggregate(name, zone));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().at("/aggregate/id").asLong();
    }

    private static Reply action(long id, String action, Object args) {
        return admin.post("/v2.1/os-aggregates/" + id + "/action", Map.of(action, args));
    }

    private static Reply addHost(long id, String host) {
        return action(id, "add_host", Map.of("host", host));
    }

    /** A host with a compute service in cell1. */
    private static String computeHost() {
        String host = unique("host");
        rows.compute("cell1", host);
        return host;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    void onlyAdminsMayTouchAggregates() {
        long id = create(unique("admins-only"), null);
        for (ApiClient caller : List.of(server.member("u1", "p1", "2.96"), server.reader("u1", "p1", "2.96"))) {
            assertThat(caller.get("/v2.1/os-aggregates").status()).isEqualTo(403);
            assertThat(caller.post("/v2.1/os-aggregates", aggregate("nope", null)).status()).isEqualTo(403);
            assertThat(caller.get("/v2.1/os-aggregates/" + id).status()).isEqualTo(403);
            assertThat(caller.put("/v2.1/os-aggregates/" + id, aggregate("nope", null)).status()).isEqualTo(403);
            assertThat(caller.delete("/v2.1/os-aggregates/" + id).status()).isEqualTo(403);
            Reply reply = caller.post("/v2.1/os-aggregates/" + id + "/action",
                    Map.of("set_metadata", Map.of("metadata", Map.of("a", "b"))));
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.json().at("/forbidden/code").asInt()).isEqualTo(403);
        }
        assertThat(server.client().get("/v2.1/os-aggregates").status()).isEqualTo(401);
    }

    @Test
    void aCreatedAggregateShowsWithoutHostsAndMetadataThenWithThem() {
        String name = unique("london");
        Reply created = admin.post("/v2.1/os-aggregates", aggregate(name, "london-az"));
        assertThat(created.status()).isEqualTo(200);
        JsonNode a = created.json().get("aggregate");
        assertThat(a.get("name").asString()).isEqualTo(name);
        assertThat(a.get("availability_zone").asString()).isEqualTo("london-az");
        assertThat(a.get("deleted").asBoolean()).isFalse();
        assertThat(a.get("deleted_at").isNull()).isTrue();
        assertThat(a.get("updated_at").isNull()).isTrue();
        assertThat(a.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(a.has("hosts")).isFalse();
        assertThat(a.has("metadata")).isFalse();
        assertThat(UUID.fromString(a.get("uuid").asString())).isNotNull();

        JsonNode shown = admin.get("/v2.1/os-aggregates/" + a.get("id").asLong()).json().get("aggregate");
        assertThat(shown.get("hosts").size()).isZero();
        assertThat(shown.at("/metadata/availability_zone").asString()).isEqualTo("london-az");
        assertThat(shown.get("uuid").asString()).isEqualTo(a.get("uuid").asString());

        JsonNode listed = admin.get("/v2.1/os-aggregates").json().get("aggregates");
        assertThat(listed.valueStream().map(n -> n.get("name").asString()).toList()).contains(name);
    }

    @Test
    void theUuidShowsFromMicroversion241() {
        long id = create(unique("uuid"), null);
        for (String before : List.of("2.1", "2.40")) {
            ApiClient old = server.admin(before);
            assertThat(old.get("/v2.1/os-aggregates/" + id).json().at("/aggregate").has("uuid")).isFalse();
            assertThat(old.get("/v2.1/os-aggregates").json().at("/aggregates/0").has("uuid")).isFalse();
            assertThat(old.post("/v2.1/os-aggregates", aggregate(unique("old"), null)).json().at("/aggregate")
                    .has("uuid")).isFalse();
        }
        assertThat(server.admin("2.41").get("/v2.1/os-aggregates/" + id).json().at("/aggregate").has("uuid")).isTrue();
    }

    @Test
    void aNameInUseIsAConflictUntilItsAggregateIsDeleted() {
        String name = unique("dup");
        long id = create(name, null);
        Reply dup = admin.post("/v2.1/os-aggregates", aggregate(name, null));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().at("/conflictingRequest/message").asString())
                .isEqualTo("Aggregate " + name + " already exists.");
        assertThat(admin.delete("/v2.1/os-aggregates/" + id).status()).isEqualTo(200);
        assertThat(admin.post("/v2.1/os-aggregates", aggregate(name, null)).status()).isEqualTo(200);
    }

    @Test
    void badCreateBodiesAre400sNamingTheField() {
        assertThat(admin.post("/v2.1/os-aggregates", Map.of("aggregate", Map.of())).status()).isEqualTo(400);
        assertThat(admin.post("/v2.1/os-aggregates", Map.of("name", "x")).status()).isEqualTo(400);
        Reply spaces = admin.post("/v2.1/os-aggregates", aggregate(" padded ", null));
        assertThat(spaces.status()).isEqualTo(400);
        assertThat(spaces.json().at("/badRequest/message").asString()).contains("name");
        Reply colon = admin.post("/v2.1/os-aggregates", aggregate(unique("colon"), "a:b"));
        assertThat(colon.status()).isEqualTo(400);
        assertThat(colon.json().at("/badRequest/message").asString()).contains("availability_zone");
        assertThat(admin.post("/v2.1/os-aggregates", aggregate("x".repeat(256), null)).status()).isEqualTo(400);
        Reply extra = admin.post("/v2.1/os-aggregates", Map.of("aggregate", Map.of("name", "x", "hosts", List.of())));
        assertThat(extra.status()).isEqualTo(400);
        assertThat(admin.post("/v2.1/os-aggregates", "{not json").status()).isEqualTo(400);
    }

    @Test
    void anUnknownAggregateIs404AndANonIntegerIdIs400() {
        Reply missing = admin.get("/v2.1/os-aggregates/987654");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/itemNotFound/message").asString())
                .isEqualTo("Aggregate 987654 could not be found.");
        assertThat(admin.put("/v2.1/os-aggregates/987654", aggregate("x", null)).status()).isEqualTo(404);
        assertThat(admin.delete("/v2.1/os-aggregates/987654").status()).isEqualTo(404);
        assertThat(action(987654, "set_metadata", Map.of("metadata", Map.of())).status()).isEqualTo(404);
        Reply bad = admin.get("/v2.1/os-aggregates/abc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/badRequest/message").asString())
                .isEqualTo("Invalid input received: id must be an integer");
    }

    @Test
    void anUpdateRenamesAndMovesTheZoneAndStripsSpacesFromTheName() {
        long id = create(unique("before"), null);
        String name = unique("after");
        Reply updated = admin.put("/v2.1/os-aggregates/" + id,
                Map.of("aggregate", Map.of("name", "  " + name + " ", "availability_zone", "az-upd")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode a = updated.json().get("aggregate");
        assertThat(a.get("name").asString()).isEqualTo(name);
        assertThat(a.get("availability_zone").asString()).isEqualTo("az-upd");
        assertThat(a.at("/metadata/availability_zone").asString()).isEqualTo("az-upd");
        assertThat(a.get("updated_at").isNull()).isFalse();
        assertThat(a.has("hosts")).isTrue();
    }

    @Test
    void anUpdateRefusesATakenNameAnEmptyBodyAndANullZoneWithoutWriting() {
        String taken = unique("taken");
        create(taken, null);
        String name = unique("mine");
        long id = create(name, null);
        Reply conflict = admin.put("/v2.1/os-aggregates/" + id, aggregate(taken, null));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(admin.put("/v2.1/os-aggregates/" + id, Map.of("aggregate", Map.of())).status()).isEqualTo(400);

        Map<String, Object> nullZone = new HashMap<>();
        nullZone.put("name", unique("renamed"));
        nullZone.put("availability_zone", null);
        Reply refused = admin.put("/v2.1/os-aggregates/" + id, Map.of("aggregate", nullZone));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/badRequest/message").asString()).isEqualTo("Cannot update aggregate " + id
                + ". Reason: Aggregate " + name + " does not support empty named availability zone.");
        // Nothing of the refused request was written, the new name neither.
        assertThat(admin.get("/v2.1/os-aggregates/" + id).json().at("/aggregate/name").asString()).isEqualTo(name);
    }

    @Test
    void anAggregateWithHostsCannotBeDeleted() {
        long id = create(unique("busy"), null);
        String host = computeHost();
        assertThat(addHost(id, host).status()).isEqualTo(200);
        Reply refused = admin.delete("/v2.1/os-aggregates/" + id);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/badRequest/message").asString())
                .isEqualTo("Cannot remove host from aggregate " + id + ". Reason: Host aggregate is not empty.");
        assertThat(action(id, "remove_host", Map.of("host", host)).status()).isEqualTo(200);
        Reply deleted = admin.delete("/v2.1/os-aggregates/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        assertThat(admin.get("/v2.1/os-aggregates/" + id).status()).isEqualTo(404);
    }

    @Test
    void aHostJoinsOnlyWhenAComputeServiceRunsOnItInSomeCell() {
        long id = create(unique("hosts"), null);
        Reply unknown = addHost(id, "no-such-host");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/itemNotFound/message").asString())
                .isEqualTo("Compute host no-such-host could not be found.");

        String conductorOnly = unique("conductor");
        rows.service("cell1", conductorOnly, "nova-conductor", false, false, java.time.Instant.now());
        assertThat(addHost(id, conductorOnly).status()).isEqualTo(404);

        String gone = unique("gone");
        rows.compute("cell1", gone);
        rows.deleteServices("cell1", gone);
        assertThat(addHost(id, gone).status()).isEqualTo(404);

        String inCell2 = unique("c2");
        rows.compute("cell2", inCell2);
        Reply added = addHost(id, inCell2);
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(texts(added.json().at("/aggregate/hosts"))).containsExactly(inCell2);

        Reply again = addHost(id, inCell2);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/conflictingRequest/message").asString())
                .isEqualTo("Aggregate " + id + " already has host " + inCell2 + ".");
        assertThat(addHost(987654, inCell2).status()).isEqualTo(404);
        assertThat(action(id, "add_host", Map.of("host", "bad host!")).status()).isEqualTo(400);
        assertThat(action(id, "add_host", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void aHostInOneZoneCannotJoinAnotherZone() {
        String host = computeHost();
        long east = create(unique("east"), "az-east");
        long west = create(unique("west"), "az-west");
        long eastToo = create(unique("east-too"), "az-east");
        long plain = create(unique("plain"), null);
        assertThat(addHost(east, host).status()).isEqualTo(200);

        Reply refused = addHost(west, host);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/conflictingRequest/message").asString()).isEqualTo("Cannot add host to aggregate "
                + west + ". Reason: One or more hosts already in availability zone(s) ['az-east'].");
        assertThat(addHost(eastToo, host).status()).isEqualTo(200);
        assertThat(addHost(plain, host).status()).isEqualTo(200);

        // Nor may an aggregate of that host become another zone.
        Reply meta = action(plain, "set_metadata", Map.of("metadata", Map.of("availability_zone", "az-west")));
        assertThat(meta.status()).isEqualTo(400);
        assertThat(meta.json().at("/badRequest/message").asString()).isEqualTo("Cannot update metadata of aggregate "
                + plain + ". Reason: One or more hosts already in availability zone(s) ['az-east'].");
        assertThat(admin.put("/v2.1/os-aggregates/" + plain, Map.of("aggregate", Map.of("availability_zone",
                "az-west"))).status()).isEqualTo(400);
        assertThat(action(plain, "set_metadata", Map.of("metadata", Map.of("availability_zone", "az-east")))
                .status()).isEqualTo(200);
    }

    @Test
    void removingAHostNotInTheAggregateIs404() {
        long id = create(unique("remove"), null);
        String host = computeHost();
        Reply missing = action(id, "remove_host", Map.of("host", host));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/itemNotFound/message").asString())
                .isEqualTo("Cannot remove host " + host + " in aggregate " + id);
        assertThat(action(987654, "remove_host", Map.of("host", host)).status()).isEqualTo(404);
        assertThat(addHost(id, host).status()).isEqualTo(200);
        Reply removed = action(id, "remove_host", Map.of("host", host));
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().at("/aggregate/hosts").size()).isZero();
    }

    @Test
    void setMetadataSetsAndRemovesKeysAndItsZoneKeyIsTheZone() {
        long id = create(unique("meta"), null);
        Reply set = action(id, "set_metadata", Map.of("metadata", Map.of("ssd", "true", "availability_zone", "az-m",
                "filter_tenant_id", "p1")));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().at("/aggregate/availability_zone").asString()).isEqualTo("az-m");
        assertThat(set.json().at("/aggregate/metadata/ssd").asString()).isEqualTo("true");

        Map<String, Object> changes = new HashMap<>();
        changes.put("ssd", null);
        changes.put("never-set", null);
        changes.put("filter_tenant_id", "p2");
        Reply changed = action(id, "set_metadata", Map.of("metadata", changes));
        assertThat(changed.status()).isEqualTo(200);
        JsonNode metadata = changed.json().at("/aggregate/metadata");
        assertThat(metadata.has("ssd")).isFalse();
        assertThat(metadata.get("filter_tenant_id").asString()).isEqualTo("p2");
        assertThat(metadata.get("availability_zone").asString()).isEqualTo("az-m");

        Map<String, Object> unsetZone = new HashMap<>();
        unsetZone.put("availability_zone", null);
        Reply refused = action(id, "set_metadata", Map.of("metadata", unsetZone));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/badRequest/message").asString()).contains("does not support empty named");

        assertThat(action(id, "set_metadata", Map.of("metadata", Map.of("bad/key", "x"))).status()).isEqualTo(400);
        assertThat(action(id, "set_metadata", Map.of("metadata", Map.of("k", "v".repeat(256)))).status())
                .isEqualTo(400);
        assertThat(action(id, "set_metadata", Map.of("metadata", Map.of("k", 1))).status()).isEqualTo(400);
    }

    @Test
    void anActionBodyNamesExactlyOneKnownAction() {
        long id = create(unique("actions"), null);
        Reply two = admin.post("/v2.1/os-aggregates/" + id + "/action", Map.of("add_host", Map.of("host", "h"),
                "remove_host", Map.of("host", "h")));
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.json().at("/badRequest/message").asString()).isEqualTo("Malformed request body");
        Reply unknown = action(id, "cache_everything", Map.of());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/badRequest/message").asString())
                .isEqualTo("There is no such action: cache_everything");
    }

    @Test
    void aZoneWithInstancesOnItsHostsCannotBeRenamed() {
        String host = computeHost();
        long id = create(unique("busy-zone"), "az-busy");
        assertThat(addHost(id, host).status()).isEqualTo(200);
        // Renaming an empty zone is fine.
        assertThat(admin.put("/v2.1/os-aggregates/" + id, Map.of("aggregate", Map.of("availability_zone",
                "az-busy-2"))).status()).isEqualTo(200);
        rows.instance("cell1", CellRows.Instance.running("p1", host, java.time.Instant.now()));
        Reply refused = admin.put("/v2.1/os-aggregates/" + id, Map.of("aggregate", Map.of("availability_zone",
                "az-busy-3")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/badRequest/message").asString()).isEqualTo("Cannot update aggregate " + id
                + ". Reason: One or more hosts contain instances in this zone.");
        assertThat(action(id, "set_metadata", Map.of("metadata", Map.of("availability_zone", "az-busy-3")))
                .status()).isEqualTo(400);
        // Setting the same zone again is no rename.
        assertThat(action(id, "set_metadata", Map.of("metadata", Map.of("availability_zone", "az-busy-2")))
                .status()).isEqualTo(200);
    }

    @Test
    void aHostsComputeNodesJoinAndLeaveThePlacementAggregate() {
        String host = computeHost();
        String node = rows.node("cell1", host);
        ApiClient placement = server.placementAdmin();
        assertThat(placement.post("/resource_providers", Map.of("name", host, "uuid", node)).status()).isEqualTo(200);
        Reply created = admin.post("/v2.1/os-aggregates", aggregate(unique("mirrored"), null));
        long id = created.json().at("/aggregate/id").asLong();
        String uuid = created.json().at("/aggregate/uuid").asString();

        assertThat(addHost(id, host).status()).isEqualTo(200);
        Reply aggregates = placement.get("/resource_providers/" + node + "/aggregates");
        assertThat(texts(aggregates.json().get("aggregates"))).containsExactly(uuid);
        assertThat(aggregates.json().get("resource_provider_generation").asLong()).isEqualTo(1);

        assertThat(action(id, "remove_host", Map.of("host", host)).status()).isEqualTo(200);
        assertThat(placement.get("/resource_providers/" + node + "/aggregates").json().get("aggregates").size())
                .isZero();
    }

    @Test
    void aHostWhoseNodeIsNotInPlacementYetStillJoins() {
        String host = computeHost();
        rows.node("cell1", host);
        long id = create(unique("unreported"), null);
        assertThat(addHost(id, host).status()).isEqualTo(200);
        assertThat(action(id, "remove_host", Map.of("host", host)).status()).isEqualTo(200);
    }
}
