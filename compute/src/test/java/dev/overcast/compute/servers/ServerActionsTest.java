package dev.overcast.compute.servers;

import static dev.overcast.compute.servers.ServerLifecycleTest.body;
import static dev.overcast.compute.servers.ServerLifecycleTest.create;
import static dev.overcast.compute.servers.ServerLifecycleTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.TestImages;
import dev.overcast.compute.servers.ServerNeighbours.ImageInfo;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

class ServerActionsTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();
    static final String OTHER_IMAGE = "8f4c8d2b-7d83-4c0f-9b5a-2f6f1d3e4c5a";

    @BeforeAll
    static void hosts() {
        server.startAgent(2);
        server.images().add(new ImageInfo(OTHER_IMAGE, "active", 0, 0, 1024L, Map.of("disk_format", "raw")));
    }

    static ApiClient member() {
        return server.member("u1", "p1", "2.96");
    }

    static ApiClient member(String version) {
        return server.member("u1", "p1", version);
    }

    static Reply act(String id, Object action) {
        return member().post("/v2.1/servers/" + id + "/action", action);
    }

    static String active(String name) {
        String id = create(member(), body(name));
        waitFor(member(), id, "ACTIVE");
        return id;
    }

    @Test
    void pauseUnpauseSuspendAndResume() {
        String id = active("pauser");
        assertThat(act(id, Map.of("pause", Map.of())).status()).isEqualTo(202);
        assertThat(waitFor(member(), id, "PAUSED").path("OS-EXT-STS:power_state").asInt()).isEqualTo(3);
        assertThat(act(id, Map.of("pause", Map.of())).status()).isEqualTo(409);
        act(id, Map.of("unpause", Map.of()));
        waitFor(member(), id, "ACTIVE");
        act(id, Map.of("suspend", Map.of()));
        waitFor(member(), id, "SUSPENDED");
        act(id, Map.of("resume", Map.of()));
        waitFor(member(), id, "ACTIVE");
    }

    @Test
    void aShelvedServerGivesUpItsHostAndClaimAndUnshelvesOnANewOne() {
        String id = active("shelver");
        assertThat(act(id, Map.of("shelve", Map.of())).status()).isEqualTo(202);
        waitFor(member(), id, "SHELVED_OFFLOADED");
        assertThat(server.placementAdmin().get("/allocations/" + id).json().path("allocations").size()).isZero();
        JsonNode admin = server.admin("2.96").get("/v2.1/servers/" + id).json().path("server");
        assertThat(admin.path("OS-EXT-SRV-ATTR:host").isNull()).isTrue();
        assertThat(act(id, Map.of("unshelve", Map.of())).status()).isEqualTo(202);
        waitFor(member(), id, "ACTIVE");
        assertThat(server.placementAdmin().get("/allocations/" + id).json().path("allocations").size()).isEqualTo(1);
    }

    @Test
    void anUnshelveGoesWhereItIsToldAndOnlyAnAdminNamesTheHost() {
        String id = active("placed-shelver");
        assertThat(act(id, Map.of("shelve", Map.of())).status()).isEqualTo(202);
        waitFor(member(), id, "SHELVED_OFFLOADED");
        Reply zone = act(id, Map.of("unshelve", Map.of("availability_zone", "atlantis")));
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.body()).contains("The requested availability zone is not available");
        assertThat(member("2.90").post("/v2.1/servers/" + id + "/action",
                Map.of("unshelve", Map.of("host", "compute2"))).status()).as("host comes with 2.91").isEqualTo(400);
        assertThat(act(id, Map.of("unshelve", Map.of("host", "compute2"))).status()).isEqualTo(403);
        ApiClient admin = server.admin("2.91");
        Reply nowhere = admin.post("/v2.1/servers/" + id + "/action", Map.of("unshelve", Map.of("host", "nowhere")));
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.body()).contains("Compute host nowhere could not be found.");
        for (String host : List.of("compute1", "compute2", "compute1")) {
            if (!member().get("/v2.1/servers/" + id).json().at("/server/status").asString()
                    .equals("SHELVED_OFFLOADED")) {
                assertThat(act(id, Map.of("shelve", Map.of())).status()).isEqualTo(202);
                waitFor(member(), id, "SHELVED_OFFLOADED");
            }
            java.util.Map<String, Object> anyZone = new java.util.HashMap<>();
            anyZone.put("availability_zone", null);
            anyZone.put("host", host);
            assertThat(admin.post("/v2.1/servers/" + id + "/action", Map.of("unshelve", anyZone)).status())
                    .isEqualTo(202);
            waitFor(member(), id, "ACTIVE");
            assertThat(admin.get("/v2.1/servers/" + id).json().at("/server/OS-EXT-SRV-ATTR:host").asString())
                    .isEqualTo(host);
        }
    }

    @Test
    void aRebuildBootsTheNewImageAndAStoppedServerStaysStopped() {
        String id = active("rebuilder");
        Reply rebuilt = member("2.1").post("/v2.1/servers/" + id + "/action", Map.of("rebuild",
                Map.of("imageRef", OTHER_IMAGE, "name", "rebuilt", "metadata", Map.of("k", "v"),
                        "OS-DCF:diskConfig", "AUTO")));
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(202);
        assertThat(rebuilt.json().at("/server/adminPass").asString()).isNotEmpty();
        assertThat(rebuilt.json().path("server").has("OS-EXT-STS:vm_state")).as("brief before 2.75").isFalse();
        JsonNode s = waitFor(member(), id, "ACTIVE");
        assertThat(s.at("/image/id").asString()).isEqualTo(OTHER_IMAGE);
        assertThat(s.path("name").asString()).isEqualTo("rebuilt");
        assertThat(s.at("/metadata/k").asString()).isEqualTo("v");
        // Regression (Tempest's disk config tests): the rebuild's end rewrote the instance and lost it.
        assertThat(s.path("OS-DCF:diskConfig").asString()).isEqualTo("AUTO");

        act(id, Map.of("os-stop", Map.of()));
        waitFor(member(), id, "SHUTOFF");
        act(id, Map.of("rebuild", Map.of("imageRef", TestImages.BOOTABLE)));
        waitFor(member(), id, "SHUTOFF");
        Reply events = member().get("/v2.1/servers/" + id + "/os-instance-actions");
        assertThat(events.json().path("instanceActions").findValuesAsString("action"))
                .contains("create", "rebuild", "stop");
    }

    @Test
    void anAdminResetsAServersStateAndAMemberMayNot() {
        String id = active("reset");
        assertThat(act(id, Map.of("os-resetState", Map.of("state", "error"))).status()).isEqualTo(403);
        Reply reset = server.admin("2.96").post("/v2.1/servers/" + id + "/action",
                Map.of("os-resetState", Map.of("state", "error")));
        assertThat(reset.status()).isEqualTo(202);
        assertThat(member().get("/v2.1/servers/" + id).json().at("/server/status").asString()).isEqualTo("ERROR");
        assertThat(server.admin("2.96").post("/v2.1/servers/" + id + "/action",
                Map.of("os-resetState", Map.of("state", "bogus"))).status()).isEqualTo(400);
    }

    @Test
    void anUpdateAnswersTheBriefViewBefore275AndNormalisesAccessAddresses() {
        String id = active("updated");
        Reply old = member("2.1").put("/v2.1/servers/" + id, Map.of("server", Map.of("name", "renamed",
                "accessIPv6", "0000:0000:0000:0000:0000:babe:220.12.22.2")));
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.json().path("server").has("OS-EXT-STS:vm_state")).isFalse();
        assertThat(old.json().at("/server/accessIPv6").asString()).isEqualTo("::babe:dc0c:1602");
        Reply current = member("2.75").put("/v2.1/servers/" + id, Map.of("server", Map.of("name", "again")));
        assertThat(current.json().path("server").has("OS-EXT-STS:vm_state")).isTrue();
        assertThat(member().put("/v2.1/servers/" + id, Map.of("server", Map.of("accessIPv4", "1.2.3")))
                .status()).isEqualTo(400);
    }

    @Test
    void aGivenAdminPasswordIsAnsweredAndAddressesAreEmpty() {
        Reply created = member().post("/v2.1/servers", Map.of("server", Map.of("name", "pw", "imageRef",
                TestImages.BOOTABLE, "flavorRef", "1", "networks", "none", "adminPass", "testpassword")));
        assertThat(created.json().at("/server/adminPass").asString()).isEqualTo("testpassword");
        String id = created.json().at("/server/id").asString();
        waitFor(member(), id, "ACTIVE");
        assertThat(member().get("/v2.1/servers/" + id + "/ips").json().path("addresses").size()).isZero();
        assertThat(member().get("/v2.1/servers/" + id + "/os-server-password").json().path("password").asString())
                .isEmpty();
        assertThat(member().get("/v2.1/servers/" + id + "/diagnostics").status()).isEqualTo(403);
        JsonNode diagnostics = server.admin("2.48").get("/v2.1/servers/" + id + "/diagnostics").json();
        assertThat(diagnostics.path("num_cpus").asInt()).isEqualTo(1);
        assertThat(diagnostics.path("state").asString()).isEqualTo("running");
    }

    @Test
    void aRescuedServerBootsFromTheRescueDiskUntilItIsUnrescued() {
        String id = active("rescuer");
        Reply rescued = act(id, Map.of("rescue", Map.of("adminPass", "s3cret")));
        assertThat(rescued.status()).as(rescued.body()).isEqualTo(200);
        assertThat(rescued.json().path("adminPass").asString()).isEqualTo("s3cret");
        JsonNode shown = waitFor(member(), id, "RESCUE");
        assertThat(shown.path("OS-EXT-STS:vm_state").asString()).isEqualTo("rescued");
        assertThat(shown.path("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        assertThat(member().post("/v2.1/servers/" + id + "/action", Map.of("os-getConsoleOutput", Map.of()))
                .json().path("output").asString()).contains("root=LABEL=rescue");

        Reply again = act(id, Map.of("rescue", Map.of()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/conflictingRequest/message").asString())
                .isEqualTo("Cannot 'rescue' instance " + id + " while it is in vm_state rescued");
        assertThat(act(id, Map.of("reboot", Map.of("type", "HARD"))).status()).isEqualTo(409);
        assertThat(act(id, Map.of("rebuild", Map.of("imageRef", TestImages.BOOTABLE))).status()).isEqualTo(409);

        assertThat(act(id, Map.of("unrescue", Map.of())).status()).isEqualTo(202);
        waitFor(member(), id, "ACTIVE");
        assertThat(member().get("/v2.1/servers/" + id + "/os-instance-actions").json().path("instanceActions")
                .findValuesAsString("action")).contains("rescue", "unrescue");
        assertThat(act(id, Map.of("unrescue", Map.of())).status()).as("not rescued").isEqualTo(409);

        Reply generated = act(id, Map.of("rescue", Map.of("rescue_image_ref", OTHER_IMAGE)));
        assertThat(generated.status()).as(generated.body()).isEqualTo(200);
        assertThat(generated.json().path("adminPass").asString()).hasSize(12);
        waitFor(member(), id, "RESCUE");
    }

    @Test
    void rescueRefusesBadInputPausedServersAndOtherProjects() {
        String id = active("unrescuable");
        String missing = "0b2b8f7e-1111-4c0f-9b5a-2f6f1d3e4c5a";
        assertThat(act(id, Map.of("rescue", Map.of("rescue_image_ref", missing))).json()
                .at("/badRequest/message").asString()).isEqualTo("Image " + missing + " could not be found.");
        assertThat(act(id, Map.of("rescue", Map.of("rescue_image_ref", "nope"))).status()).isEqualTo(400);
        assertThat(act(id, Map.of("rescue", Map.of("adminPass", 7))).status()).isEqualTo(400);
        assertThat(act(id, Map.of("rescue", Map.of("bogus", "x"))).json().at("/badRequest/message").asString())
                .contains("Additional properties are not allowed ('bogus' was unexpected)");
        assertThat(act(id, Map.of("rescue", "now")).status()).isEqualTo(400);
        assertThat(server.member("u2", "p2", "2.96").post("/v2.1/servers/" + id + "/action",
                Map.of("rescue", Map.of())).status()).isEqualTo(404);
        assertThat(member().post("/v2.1/servers/" + missing + "/action", Map.of("rescue", Map.of())).status())
                .isEqualTo(404);
        act(id, Map.of("pause", Map.of()));
        waitFor(member(), id, "PAUSED");
        assertThat(act(id, Map.of("rescue", Map.of())).status()).isEqualTo(409);
        assertThat(member().get("/v2.1/servers/" + id).json().at("/server/status").asString()).isEqualTo("PAUSED");
    }

    @Test
    void actionsOvercastDoesNotDoYetSaySo() {
        String id = active("unsupported");
        Reply evacuate = act(id, Map.of("evacuate", Map.of()));
        assertThat(evacuate.status()).isEqualTo(501);
        assertThat(evacuate.body()).contains("'evacuate' is not implemented");
        assertThat(act(id, Map.of("bogus", Map.of())).status()).isEqualTo(400);
        assertThat(act(id, Map.of("restore", Map.of())).status()).isEqualTo(409);
        assertThat(List.of(act(id, Map.of("forceDelete", Map.of())).status())).containsExactly(202);
    }
}
