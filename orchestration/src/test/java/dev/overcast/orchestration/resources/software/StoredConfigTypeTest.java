package dev.overcast.orchestration.resources.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.overcast.core.db.ServiceDatabase;
import dev.overcast.orchestration.resources.Applied;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PluginServices;
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.resources.ResourcePlugin;
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.software.SoftwareDeploymentRow;
import dev.overcast.orchestration.software.SoftwareStore;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.testkit.TestDatabase;

/** The config types' steps against a real store: a create run again reuses its row; a delete is idempotent. */
class StoredConfigTypeTest {
    private final TestDatabase database = TestDatabase.create();
    private final ServiceDatabase db = ServiceDatabase.open(database.settings(), "orchestration");
    private final SoftwareStore store = new SoftwareStore(db.jdbi());
    private final StackRow stack = new StackRow("stack-1", "s", "p1", "u", null, "CREATE", "IN_PROGRESS", "",
            "", Map.of(), Map.of(), Map.of(), List.of(), true, null, "legacy", null, null,
            Instant.parse("2026-01-01T00:00:00Z"), null, null);

    @AfterEach
    void close() {
        db.close();
        database.close();
    }

    private PluginContext context(long seed) {
        return new PluginContext(Clock.systemUTC(), d -> { }, new Random(seed), stack,
                PluginServices.NONE.with(SoftwareStore.class, store));
    }

    @Test
    void aCreateRunAgainFindsItsRowAndItsText() {
        ResourcePlugin mime = MultipartMimeResource.plugin();
        Map<String, Object> properties = Map.of("group", "Heat::Ungrouped",
                "parts", List.of(Map.of("config", "hello", "type", "text")));
        Applied first = mime.create("m", properties, context(1));
        Applied again = mime.create("m", properties, context(2));
        assertThat(again).isEqualTo(first);
        assertThat(store.configs("p1")).hasSize(1);
        assertThat(store.config(first.physicalId()).orElseThrow().config()).isEqualTo(first.data().get("config"));

        Applied other = mime.create("m", Map.of("group", "Heat::Ungrouped",
                "parts", List.of(Map.of("config", "bye", "type", "text"))), context(1));
        assertThat(other.physicalId()).isNotEqualTo(first.physicalId());
    }

    @Test
    void aDeleteOfAGoneConfigSucceedsAndOneInUseFails() {
        ResourcePlugin type = SoftwareConfigResource.plugin();
        Applied made = type.create("c", Map.of("group", "script", "config", "x"), context(1));
        ResourceState state = new ResourceState("c", made.physicalId(), Map.of(), made.data());
        store.insertDeployment(new SoftwareDeploymentRow("d1", made.physicalId(), "srv", null, null, null, null,
                null, "p1", null, Instant.now(), null));
        assertThatThrownBy(() -> type.delete(state, context(1))).isInstanceOf(ResourceFailure.class)
                .hasMessageContaining("can not be deleted as it is referenced");
        store.deleteDeployment("d1");
        type.delete(state, context(1));
        type.delete(state, context(1));
        assertThat(store.config(made.physicalId())).isEmpty();
        assertThat(type.attribute(state, "config")).isEqualTo("x");
    }

    @Test
    void aPartNamingAnotherProjectsConfigIsTakenAsText() {
        ResourcePlugin type = SoftwareConfigResource.plugin();
        StackRow elsewhere = new StackRow("stack-2", "t", "p2", "u", null, "CREATE", "IN_PROGRESS", "", "", Map.of(),
                Map.of(), Map.of(), List.of(), true, null, "legacy", null, null, Instant.now(), null, null);
        String theirs = type.create("c", Map.of("group", "script", "config", "secret"), new PluginContext(
                Clock.systemUTC(), d -> { }, new Random(1), elsewhere,
                PluginServices.NONE.with(SoftwareStore.class, store))).physicalId();
        Applied mine = MultipartMimeResource.plugin().create("m", Map.of("group", "Heat::Ungrouped",
                "parts", List.of(Map.of("config", theirs, "type", "text"))), context(1));
        assertThat((String) mine.data().get("config")).contains(theirs).doesNotContain("secret");
    }
}
