package dev.overcast.compute.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.scheduler.ServerGroup;
import dev.overcast.core.http.ApiException;

class ServerGroupStoreTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    private final ServerGroupStore store = new ServerGroupStore(server.context());

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    @Test
    void theSchedulersGroupCountsMembersPerHostAndLeavesOutUnplacedOnes() {
        Group g = store.create("sched", "p1", "u1", ServerGroup.Policy.ANTI_AFFINITY, 2);
        String a = uuid();
        String b = uuid();
        String c = uuid();
        String unplaced = uuid();
        for (String m : new String[] {a, b, c, unplaced}) {
            store.addMember(g.uuid(), m);
        }
        Map<String, String> hosts = Map.of(a, "h1", b, "h1", c, "h2");
        ServerGroup sg = store.schedulerGroup(g.uuid(), hosts::get).orElseThrow();
        assertThat(sg.uuid()).isEqualTo(g.uuid());
        assertThat(sg.policy()).isEqualTo(ServerGroup.Policy.ANTI_AFFINITY);
        assertThat(sg.maxServerPerHost()).isEqualTo(2);
        assertThat(sg.membersPerHost()).containsExactlyInAnyOrderEntriesOf(Map.of("h1", 2, "h2", 1));
        assertThat(store.schedulerGroup(uuid(), hosts::get)).isEmpty();
    }

    @Test
    void aGroupWithoutRulesAllowsOneServerPerHost() {
        Group g = store.create("no-rules", "p1", "u1", ServerGroup.Policy.SOFT_AFFINITY, null);
        ServerGroup sg = store.schedulerGroup(g.uuid(), m -> null).orElseThrow();
        assertThat(sg.maxServerPerHost()).isEqualTo(1);
        assertThat(sg.policy()).isEqualTo(ServerGroup.Policy.SOFT_AFFINITY);
        assertThat(sg.membersPerHost()).isEmpty();
    }

    @Test
    void membersJoinOnceInOrderAndLeaveWhenTheirServerIsDeleted() {
        Group g = store.create("members", "p1", "u1", ServerGroup.Policy.AFFINITY, null);
        String first = uuid();
        String second = uuid();
        store.addMember(g.uuid(), first);
        store.addMember(g.uuid(), second);
        store.addMember(g.uuid(), first);
        assertThat(store.members(g.uuid())).containsExactly(first, second);
        assertThat(store.find(g.uuid()).orElseThrow().members()).hasSize(2);
        assertThat(store.groupOf(first)).map(Group::uuid).contains(g.uuid());

        store.removeMember(first);
        assertThat(store.members(g.uuid())).containsExactly(second);
        assertThat(store.groupOf(first)).isEmpty();
        store.removeMember(uuid());
    }

    @Test
    void aDeletedGroupTakesNoMembersAndForgetsItsOwn() {
        Group g = store.create("gone", "p1", "u1", ServerGroup.Policy.AFFINITY, null);
        String member = uuid();
        store.addMember(g.uuid(), member);
        assertThat(store.delete(g.uuid())).isTrue();
        assertThat(store.delete(g.uuid())).isFalse();
        assertThat(store.find(g.uuid())).isEmpty();
        assertThat(store.members(g.uuid())).isEmpty();
        assertThat(store.groupOf(member)).isEmpty();
        assertThatThrownBy(() -> store.addMember(g.uuid(), uuid())).isInstanceOf(ApiException.class)
                .hasMessage("Instance group " + g.uuid() + " could not be found.");
    }

    @Test
    void theCountingQuotaCountsAProjectsLiveGroups() {
        GroupQuota quota = GroupQuota.counting(store, 2);
        assertThat(quota.allows("p-count", "u1", 1)).isTrue();
        store.create("a", "p-count", "u1", ServerGroup.Policy.AFFINITY, null);
        Group b = store.create("b", "p-count", "u1", ServerGroup.Policy.AFFINITY, null);
        assertThat(quota.allows("p-count", "u1", 1)).isFalse();
        assertThat(quota.allows("p-count", "u1", 0)).isTrue();
        store.delete(b.uuid());
        assertThat(quota.allows("p-count", "u1", 1)).isTrue();
        assertThat(GroupQuota.counting(store, -1).allows("p-count", "u1", 100)).isTrue();
    }

    @Test
    void aBootReadsTheGroupsPolicyOnlyInItsProjectAndAServerShowsItsGroup() {
        Group g = store.create("boot", "p-boot", "u1", ServerGroup.Policy.SOFT_ANTI_AFFINITY, null);
        assertThat(store.policy(g.uuid(), "p-boot")).contains("soft-anti-affinity");
        assertThat(store.policy(g.uuid(), "p-other")).isEmpty();
        assertThat(store.policy(uuid(), "p-boot")).isEmpty();
        String server = uuid();
        assertThat(store.groupsOf(server)).isEmpty();
        store.addMember(g.uuid(), server);
        assertThat(store.groupsOf(server)).containsExactly(g.uuid());
    }
}
