package dev.overcast.orchestration.nested;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.overcast.core.json.Json;

class GroupMembersTest {

    @Test
    void indexNamesSkipRemovedNamesAndKeepTheRest() {
        assertThat(GroupMembers.indexNames(3, Set.of())).containsExactly("0", "1", "2");
        assertThat(GroupMembers.indexNames(3, Set.of("1"))).containsExactly("0", "2", "3");
        assertThat(GroupMembers.indexNames(0, Set.of())).isEmpty();
    }

    @Test
    void theIndexVariableIsReplacedInEveryStringInsideTheDefinition() {
        Object props = Map.of("name", "web-%index%", "tags", List.of("%index%", 7),
                "nested", Map.of("k", "x%index%y%index%"), "n", 3);
        assertThat(GroupMembers.substitute(props, "%index%", "4")).isEqualTo(Map.of("name", "web-4",
                "tags", List.of("4", 7), "nested", Map.of("k", "x4y4"), "n", 3));
        assertThat(GroupMembers.substitute("__n__", "__n__", "2")).isEqualTo("2");
        assertThat(GroupMembers.substitute(null, "%index%", "1")).isNull();
    }

    @Test
    void removalPoliciesNameMembersByNameOrReference() {
        Map<String, String> members = Map.of("0", "id-a", "1", "id-b", "2", "id-c");
        Object policies = List.of(Map.of("resource_list", List.of("id-b", "2")));
        assertThat(GroupMembers.removed(policies, members, List.of(), true)).containsExactlyInAnyOrder("1", "2");
        assertThat(GroupMembers.removed(policies, members, List.of("7"), true)).contains("7", "1", "2");
        assertThat(GroupMembers.removed(List.of(), members, List.of("7"), false)).isEmpty();
    }

    @Test
    void theTemplateHasOneResourcePerNameWithItsIndex() {
        String text = GroupMembers.template(Map.of("type", "OS::Heat::TestResource",
                "properties", Map.of("value", "v%index%")), List.of("0", "3"), "%index%");
        Map<?, ?> template = Json.read(text, Map.class);
        assertThat(template.get("heat_template_version")).isEqualTo(GroupMembers.TEMPLATE_VERSION);
        assertThat(List.copyOf(((Map<?, ?>) template.get("resources")).keySet())).isEqualTo(List.of("0", "3"));
        assertThat(text).contains("\"v3\"").contains("\"v0\"");
    }

    @Test
    void membersAreListedInNumericOrder() {
        assertThat(GroupMembers.inIndexOrder(List.of("10", "2", "1"))).containsExactly("1", "2", "10");
    }

    @Test
    void aChildsResourceFailureKeepsItsTypeAndPath() {
        var f = ChildFailure.of("Resource CREATE failed: ValueError: resources.r: Test Resource failed r");
        assertThat(f.errorType()).isEqualTo("ValueError");
        assertThat(f.path()).isEqualTo("resources.r");
        assertThat(f.getMessage()).isEqualTo("Test Resource failed r");
        var deeper = ChildFailure.of("Resource UPDATE failed: ValueError: resources.g.resources.0: boom: again");
        assertThat(deeper.path()).isEqualTo("resources.g.resources.0");
        assertThat(deeper.getMessage()).isEqualTo("boom: again");
        var other = ChildFailure.of("Engine went down during stack CREATE");
        assertThat(other.errorType()).isEqualTo("Error");
        assertThat(other.path()).isNull();
        assertThat(other.getMessage()).isEqualTo("Engine went down during stack CREATE");
    }
}
