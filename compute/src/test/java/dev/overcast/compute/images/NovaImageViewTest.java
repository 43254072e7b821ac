package dev.overcast.compute.images;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;

/** Glance v2 images in Nova's image view, without a server. */
class NovaImageViewTest {
    static final NovaImageView.Links LINKS = new NovaImageView.Links("http://h/compute", "http://h/image");

    @Test
    void glanceStatusesAreShownAsNovaNamesThem() {
        assertThat(NovaImageView.status("active")).isEqualTo("ACTIVE");
        assertThat(NovaImageView.status("queued")).isEqualTo("SAVING");
        assertThat(NovaImageView.status("saving")).isEqualTo("SAVING");
        assertThat(NovaImageView.status("pending_delete")).isEqualTo("DELETED");
        assertThat(NovaImageView.status("killed")).isEqualTo("ERROR");
        assertThat(NovaImageView.status("importing")).isEqualTo("UNKNOWN");
        assertThat(NovaImageView.progress("saving")).isEqualTo(50);
        assertThat(NovaImageView.progress("killed")).isZero();
    }

    @Test
    void timesAreWholeSecondsInUtc() {
        assertThat(NovaImageView.time(Json.tree("2024-03-01T10:00:00.123456+02:00"))).isEqualTo("2024-03-01T08:00:00Z");
        assertThat(NovaImageView.time(Json.tree("2024-03-01T10:00:00"))).isEqualTo("2024-03-01T10:00:00Z");
        assertThat(NovaImageView.time(null)).isNull();
    }

    @Test
    void theMetadataIsEveryAttributeOutsideGlancesSchemaWithMappingsReadAsJson() {
        JsonNode image = Json.parse("""
                {"id": "i1", "name": null, "status": "active", "visibility": "public", "size": null,
                 "min_ram": 64, "min_disk": 2, "created_at": "2024-03-01T10:00:00Z", "updated_at": "2024-03-01T10:00:01Z",
                 "tags": [], "os_hidden": false, "stores": "fs", "os_distro": "cirros",
                 "block_device_mapping": "[{\\"boot_index\\": 0}]"}""");
        JsonNode view = NovaImageView.detail(image, LINKS);
        assertThat(view.path("metadata").propertyNames()).containsExactlyInAnyOrder("os_distro",
                "block_device_mapping");
        assertThat(view.at("/metadata/block_device_mapping/0/boot_index").asInt()).isZero();
        assertThat(view.path("name").isNull()).isTrue();
        assertThat(view.path("minRam").asInt()).isEqualTo(64);
        assertThat(view.path("minDisk").asInt()).isEqualTo(2);
        assertThat(view.path("OS-EXT-IMG-SIZE:size").asLong()).isZero();
        assertThat(view.path("links").get(2).path("href").asString()).isEqualTo("http://h/image/images/i1");
    }

    @Test
    void autoDiskConfigBecomesTheDiskConfig() {
        JsonNode manual = Json.parse("""
                {"id": "i2", "name": "x", "status": "active", "auto_disk_config": "False"}""");
        assertThat(NovaImageView.detail(manual, LINKS).path("OS-DCF:diskConfig").asString()).isEqualTo("MANUAL");
    }
}
