package dev.overcast.placement.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.placement.PlacementServer;
import dev.overcast.placement.model.ProviderIndex;

/** The index keeps the set of sharing providers as traits come and go. */
class SharingProvidersInTheIndexTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static final String SS = "d0000000-0000-0000-0000-000000000001";
    static final String CN = "d0000000-0000-0000-0000-000000000002";

    @Test
    void aProviderIsSharingWhileItHasTheTraitAndUntilItIsDeleted() {
        var ctx = server.service().context();
        ProviderIndex index = ctx.index();
        new Rows(ctx).provider(SS, "ss", null).provider(CN, "cn", null).trait(SS, ProviderIndex.SHARES_VIA_AGGREGATE)
                .refresh();
        assertThat(index.sharing()).containsExactly(SS);
        ctx.jdbi().useHandle(h -> h.execute("delete from provider_trait where provider_uuid = ?", SS));
        index.refresh(List.of(SS));
        assertThat(index.sharing()).isEmpty();
        new Rows(ctx).trait(CN, ProviderIndex.SHARES_VIA_AGGREGATE).refresh();
        assertThat(index.sharing()).containsExactly(CN);
        ctx.jdbi().useHandle(h -> h.execute("delete from resource_provider where uuid = ?", CN));
        index.refresh(List.of(CN));
        assertThat(index.sharing()).isEmpty();
        index.loadAll();
        assertThat(index.sharing()).isEmpty();
    }
}
