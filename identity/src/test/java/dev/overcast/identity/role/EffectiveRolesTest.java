package dev.overcast.identity.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EffectiveRolesTest {
    private static final Set<String> ALICE = Set.of("alice");
    private static final Set<String> ALICE_AND_HER_GROUP = Set.of("alice", "ops");
    private static final EffectiveRoles.OnProject LEAF =
            new EffectiveRoles.OnProject("leaf", List.of("parent", "top"), "dom");

    private static AssignmentRow userOnProject(String project, String role, boolean inherited) {
        return new AssignmentRow(AssignmentRow.USER_PROJECT, "alice", project, role, inherited);
    }

    @Test
    void aDirectProjectGrantAppliesToThatProjectOnly() {
        var grants = List.of(userOnProject("leaf", "member", false));
        assertThat(EffectiveRoles.granted(grants, ALICE, LEAF)).containsExactly("member");
        assertThat(EffectiveRoles.granted(grants, ALICE,
                new EffectiveRoles.OnProject("other", List.of(), "dom"))).isEmpty();
        assertThat(EffectiveRoles.granted(grants, ALICE, new EffectiveRoles.OnDomain("dom"))).isEmpty();
    }

    @Test
    void aGroupGrantAppliesToItsMembers() {
        var grants = List.of(new AssignmentRow(AssignmentRow.GROUP_PROJECT, "ops", "leaf", "reader", false));
        assertThat(EffectiveRoles.granted(grants, ALICE_AND_HER_GROUP, LEAF)).containsExactly("reader");
        assertThat(EffectiveRoles.granted(grants, ALICE, LEAF)).isEmpty();
    }

    @Test
    void anInheritedDomainGrantReachesEveryProjectButNotTheDomainItself() {
        var grants = List.of(new AssignmentRow(AssignmentRow.USER_DOMAIN, "alice", "dom", "member", true));
        assertThat(EffectiveRoles.granted(grants, ALICE, LEAF)).containsExactly("member");
        assertThat(EffectiveRoles.granted(grants, ALICE, new EffectiveRoles.OnDomain("dom"))).isEmpty();
    }

    @Test
    void aPlainDomainGrantDoesNotReachItsProjects() {
        var grants = List.of(new AssignmentRow(AssignmentRow.USER_DOMAIN, "alice", "dom", "member", false));
        assertThat(EffectiveRoles.granted(grants, ALICE, LEAF)).isEmpty();
        assertThat(EffectiveRoles.granted(grants, ALICE, new EffectiveRoles.OnDomain("dom"))).containsExactly("member");
    }

    @Test
    void anInheritedProjectGrantReachesDescendantsButNotTheProjectItself() {
        var grants = List.of(userOnProject("top", "member", true));
        assertThat(EffectiveRoles.granted(grants, ALICE, LEAF)).containsExactly("member");
        assertThat(EffectiveRoles.granted(grants, ALICE,
                new EffectiveRoles.OnProject("top", List.of(), "dom"))).isEmpty();
    }

    @Test
    void systemGrantsApplyOnlyToTheSystem() {
        var grants = List.of(new AssignmentRow(AssignmentRow.USER_SYSTEM, "alice", AssignmentRow.SYSTEM, "admin", false));
        assertThat(EffectiveRoles.granted(grants, ALICE, new EffectiveRoles.OnSystem())).containsExactly("admin");
        assertThat(EffectiveRoles.granted(grants, ALICE, LEAF)).isEmpty();
    }

    @Test
    void impliedRolesFollowChains() {
        var implies = Map.of("admin", List.of("member"), "member", List.of("reader"));
        assertThat(EffectiveRoles.withImplied(Set.of("admin"), implies))
                .containsExactlyInAnyOrder("admin", "member", "reader");
        assertThat(EffectiveRoles.withImplied(Set.of("reader"), implies)).containsExactly("reader");
    }

    @Test
    void aCycleOfImpliedRolesEndsAndYieldsEachRoleOnce() {
        var implies = Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("a"));
        assertThat(EffectiveRoles.withImplied(Set.of("b"), implies)).containsExactlyInAnyOrder("a", "b", "c");
    }

    // ---- the effective role_assignments list ----

    private static final AssignmentExpansion.World WORLD = new AssignmentExpansion.World(
            group -> group.equals("ops") ? List.of("alice", "bob") : List.of(),
            target -> switch (target) {
                case "dom" -> List.of("top", "leaf");
                case "top" -> List.of("leaf");
                default -> List.of();
            },
            Map.of("admin", List.of("member"), "member", List.of("reader"), "dom-role", List.of("reader")),
            Set.of("dom-role"));

    @Test
    void effectiveAssignmentsExpandAGroupIntoOneAssignmentPerMemberWithItsMembership() {
        var group = new AssignmentRow(AssignmentRow.GROUP_PROJECT, "ops", "leaf", "reader", false);
        var listed = AssignmentExpansion.effective(List.of(group), WORLD);
        assertThat(listed).extracting(l -> l.row().actorId()).containsExactly("alice", "bob");
        assertThat(listed).allSatisfy(l -> {
            assertThat(l.row().type()).isEqualTo(AssignmentRow.USER_PROJECT);
            assertThat(l.viaGroupId()).isEqualTo("ops");
            assertThat(l.source()).isEqualTo(group);
        });
    }

    @Test
    void effectiveAssignmentsSpreadAnInheritedGrantOverTheProjectsBelowIt() {
        var listed = AssignmentExpansion.effective(
                List.of(new AssignmentRow(AssignmentRow.USER_DOMAIN, "alice", "dom", "reader", true)), WORLD);
        assertThat(listed).extracting(l -> l.row())
                .containsExactly(userOnProject("top", "reader", false), userOnProject("leaf", "reader", false));
    }

    @Test
    void effectiveAssignmentsAddImpliedRolesNamingTheirPriorRole() {
        var listed = AssignmentExpansion.effective(List.of(userOnProject("leaf", "admin", false)), WORLD);
        assertThat(listed).extracting(l -> l.row().roleId()).containsExactlyInAnyOrder("admin", "member", "reader");
        assertThat(listed).filteredOn(l -> !l.row().roleId().equals("admin"))
                .allSatisfy(l -> assertThat(l.priorRoleId()).isEqualTo("admin"));
    }

    @Test
    void effectiveAssignmentsHideDomainSpecificRolesButKeepWhatTheyImply() {
        var listed = AssignmentExpansion.effective(List.of(userOnProject("leaf", "dom-role", false)), WORLD);
        assertThat(listed).extracting(l -> l.row().roleId()).containsExactly("reader");
    }

    @Test
    void assignmentLinksPointAtTheStoredGrant() {
        assertThat(GrantApi.grantUrl(userOnProject("p", "r", false))).isEqualTo("/v3/projects/p/users/alice/roles/r");
        assertThat(GrantApi.grantUrl(new AssignmentRow(AssignmentRow.GROUP_DOMAIN, "ops", "d", "r", true)))
                .isEqualTo("/v3/OS-INHERIT/domains/d/groups/ops/roles/r/inherited_to_projects");
        assertThat(GrantApi.grantUrl(new AssignmentRow(AssignmentRow.USER_SYSTEM, "alice", "system", "r", false)))
                .isEqualTo("/v3/system/users/alice/roles/r");
    }
}
