package dev.overcast.compute.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.testkit.ApiClient.Reply;

/** /os-migrations over HTTP: always empty, with each microversion's query rules. */
class MigrationApiTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    static Reply list(String version, String query) {
        return server.admin(version).get("/v2.1/os-migrations" + query);
    }

    @Test
    void adminsListNoMigrationsAtEveryMicroversion() {
        for (String version : new String[] {"2.1", "2.23", "2.59", "2.66", "2.80", "2.96"}) {
            Reply reply = list(version, "");
            assertThat(reply.status()).as(version).isEqualTo(200);
            assertThat(reply.json().path("migrations").isArray()).isTrue();
            assertThat(reply.json().path("migrations")).isEmpty();
            assertThat(reply.json().size()).as("no migrations_links on an empty list").isEqualTo(1);
        }
    }

    @Test
    void onlyAdminsMayList() {
        assertThat(server.member("u1", "p1", "2.1").get("/v2.1/os-migrations").status()).isEqualTo(403);
        assertThat(server.reader("u1", "p1", "2.80").get("/v2.1/os-migrations").status()).isEqualTo(403);
    }

    @Test
    void filtersAreAcceptedAndUnknownParametersIgnoredBefore259() {
        assertThat(list("2.1", "?host=compute1&status=finished&instance_uuid=x&anything=1").status()).isEqualTo(200);
        assertThat(list("2.58", "?limit=abc&marker=x").status()).isEqualTo(200);
    }

    @Test
    void from259UnknownParametersAreRefused() {
        Reply reply = list("2.59", "?anything=1");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/badRequest/message").asString()).contains("'anything' was unexpected");
        assertThat(list("2.59", "?host=compute1&limit=5&changes-since=2024-01-01T00:00:00Z").status())
                .isEqualTo(200);
        assertThat(list("2.59", "?changes-before=2024-01-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(list("2.66", "?changes-before=2024-01-01T00:00:00Z").status()).isEqualTo(200);
        assertThat(list("2.79", "?user_id=u1").status()).isEqualTo(400);
        assertThat(list("2.80", "?user_id=u1&project_id=p1").status()).isEqualTo(200);
    }

    @Test
    void from259PagingAndTimesAreChecked() {
        assertThat(list("2.59", "?limit=-1").status()).isEqualTo(400);
        assertThat(list("2.59", "?limit=abc").status()).isEqualTo(400);
        assertThat(list("2.59", "?changes-since=yesterday").status()).isEqualTo(400);
        Reply marker = list("2.59", "?marker=7a1c4b0e-0000-4000-8000-000000000000");
        assertThat(marker.status()).isEqualTo(400);
        assertThat(marker.json().at("/badRequest/message").asString())
                .isEqualTo("Marker 7a1c4b0e-0000-4000-8000-000000000000 could not be found.");
        Reply order = list("2.66", "?changes-since=2024-02-01T00:00:00Z&changes-before=2024-01-01T00:00:00Z");
        assertThat(order.status()).isEqualTo(400);
        assertThat(order.json().at("/badRequest/message").asString())
                .isEqualTo("The value of changes-since must be less than or equal to changes-before.");
    }
}
