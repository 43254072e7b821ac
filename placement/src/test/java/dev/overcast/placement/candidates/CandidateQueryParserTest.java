package dev.overcast.placement.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.version.ApiVersion;

class CandidateQueryParserTest {

    /** A query from "k=v" pairs, repeated keys kept in order, as the host hands them over. */
    private static Map<String, List<String>> q(String... pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            out.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
        }
        return out;
    }

    private static CandidateQuery parse(String version, String... pairs) {
        return CandidateQueryParser.parse(q(pairs), ApiVersion.parse(version));
    }

    private static String error(String version, String... pairs) {
        try {
            parse(version, pairs);
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.getMessage();
        }
        throw new AssertionError("expected a 400");
    }

    private static String code(String version, String... pairs) {
        try {
            parse(version, pairs);
        } catch (ApiException e) {
            return e.code();
        }
        throw new AssertionError("expected a 400");
    }

    private static final String AGG1 = "9323b2b1-82c9-4e91-bdff-e95e808ef954";
    private static final String AGG2 = "8592a199-7d73-4465-8df6-ab00a6243c82";

    @Test
    void resourcesAreClassAmountPairsInOrder() {
        CandidateQuery query = parse("1.10", "resources=VCPU:1,MEMORY_MB:512");
        assertThat(query.groups()).hasSize(1);
        RequestGroup g = query.groups().getFirst();
        assertThat(g.suffix()).isEmpty();
        assertThat(g.resources()).containsExactly(Map.entry("VCPU", 1L), Map.entry("MEMORY_MB", 512L));
        assertThat(query.limit()).isNull();
        assertThat(query.groupPolicy()).isNull();
    }

    @Test
    void badResourcesAreRefusedWithUpstreamsWords() {
        assertThat(error("1.10", "resources=")).isEqualTo("Badly formed resources parameter. Expected resources query "
                + "string parameter in form: ?resources=VCPU:2,MEMORY_MB:1024. Got: empty string.");
        assertThat(error("1.10", "resources=VCPU")).endsWith("Got: VCPU.");
        assertThat(error("1.10", "resources=VCPU:x")).isEqualTo(
                "Requested resource VCPU expected positive integer amount. Got: x.");
        assertThat(error("1.10", "resources=VCPU:0")).isEqualTo("Requested resource VCPU requires amount >= 1. Got: 0.");
        assertThat(error("1.10")).contains("'resources' is a required property");
    }

    @Test
    void parametersOfLaterMicroversionsAreUnexpected() {
        assertThat(error("1.15", "resources=VCPU:1", "limit=5"))
                .startsWith("Invalid query string parameters: Additional properties are not allowed ('limit' was "
                        + "unexpected)");
        assertThat(error("1.16", "resources=VCPU:1", "required=CUSTOM_A")).contains("'required' was unexpected");
        assertThat(error("1.20", "resources=VCPU:1", "member_of=" + AGG1)).contains("'member_of' was unexpected");
        assertThat(error("1.24", "resources=VCPU:1", "resources1=VCPU:1")).contains("'resources1' was unexpected");
        assertThat(error("1.24", "resources=VCPU:1", "group_policy=none")).contains("'group_policy' was unexpected");
        assertThat(error("1.30", "resources=VCPU:1", "in_tree=" + AGG1)).startsWith("Invalid query string parameters");
        assertThat(error("1.34", "resources=VCPU:1", "root_required=CUSTOM_A")).contains("'root_required'");
        assertThat(error("1.35", "resources=VCPU:1", "same_subtree=_A")).contains("'same_subtree'");
        assertThat(error("1.39", "resources=VCPU:1", "bogus=1")).contains("'bogus' does not match any of the regexes");
    }

    @Test
    void suffixesAreNumbersUntil133ThenNames() {
        assertThat(error("1.25", "resources01=VCPU:1")).contains("'resources01' does not match any of the regexes: "
                + "'^member_of([1-9][0-9]*)?$', '^required([1-9][0-9]*)?$', '^resources([1-9][0-9]*)?$'");
        assertThat(error("1.32", "resources_A=VCPU:1")).contains("'resources_A' does not match");
        assertThat(error("1.33", "resources1@=VCPU:1")).contains("'^member_of([a-zA-Z0-9_-]{1,64})?$'");
        assertThat(error("1.33", "resources_" + "x".repeat(64) + "=VCPU:1")).contains("does not match any");
        CandidateQuery query = parse("1.33", "resources_COMPUTE=VCPU:1", "resources_NIC=SRIOV_NET_VF:1",
                "group_policy=isolate");
        assertThat(query.groups()).extracting(RequestGroup::suffix).containsExactly("_COMPUTE", "_NIC");
        assertThat(query.groupPolicy()).isEqualTo(GroupPolicy.ISOLATE);
    }

    @Test
    void limitMustBeAPositiveIntegerAndTheFirstOneCounts() {
        assertThat(error("1.16", "resources=VCPU:1", "limit=cow")).contains("Failed validating 'pattern'");
        assertThat(error("1.16", "resources=VCPU:1", "limit=0")).contains("'0' does not match '^[1-9][0-9]*$'");
        assertThat(error("1.16", "resources=VCPU:1", "limit=-99")).contains("Failed validating 'pattern'");
        assertThat(parse("1.16", "resources=VCPU:1", "limit=10", "limit=1").limit()).isEqualTo(10);
    }

    @Test
    void requiredTraitsForbiddenFrom122AnyOfFrom139() {
        RequestGroup g = parse("1.17", "resources=VCPU:1", "required=CUSTOM_A,CUSTOM_B").groups().getFirst();
        assertThat(g.requiredTraits()).containsExactly(Set.of("CUSTOM_A"), Set.of("CUSTOM_B"));
        assertThat(error("1.17", "resources=VCPU:1", "required=!CUSTOM_A")).isEqualTo("Invalid query string "
                + "parameters: Expected 'required' parameter value of the form: HW_CPU_X86_VMX,CUSTOM_MAGIC. Got: "
                + "!CUSTOM_A");
        assertThat(error("1.17", "resources=VCPU:1", "required=")).startsWith("Invalid query string parameters: "
                + "Expected 'required' parameter value of the form: HW_CPU_X86_VMX,CUSTOM_MAGIC.");
        assertThat(error("1.22", "resources=VCPU:1", "required=,,")).startsWith("Invalid query string parameters: "
                + "Expected 'required' parameter value of the form: HW_CPU_X86_VMX,!CUSTOM_MAGIC.");
        RequestGroup f = parse("1.22", "resources=VCPU:1", "required=CUSTOM_A,!CUSTOM_B").groups().getFirst();
        assertThat(f.forbiddenTraits()).containsExactly("CUSTOM_B");
        assertThat(error("1.38", "resources=VCPU:1", "required=in:CUSTOM_A,CUSTOM_B"))
                .contains("only supported since microversion 1.39");
        RequestGroup any = parse("1.39", "resources=VCPU:1", "required=in:CUSTOM_A,CUSTOM_B", "required=!CUSTOM_C")
                .groups().getFirst();
        assertThat(any.requiredTraits()).containsExactly(Set.of("CUSTOM_A", "CUSTOM_B"));
        assertThat(any.forbiddenTraits()).containsExactly("CUSTOM_C");
        assertThat(error("1.39", "resources=VCPU:1", "required=in:CUSTOM_A,!CUSTOM_B"))
                .contains("does not support forbidden traits");
        RequestGroup last = parse("1.38", "resources=VCPU:1", "required=CUSTOM_A", "required=CUSTOM_B")
                .groups().getFirst();
        assertThat(last.requiredTraits()).as("before 1.39 the last required wins").containsExactly(Set.of("CUSTOM_B"));
    }

    @Test
    void aTraitBothRequiredAndForbiddenIsAConflict() {
        assertThat(error("1.22", "resources=VCPU:1", "required=CUSTOM_A,!CUSTOM_A")).isEqualTo(
                "Conflicting required and forbidden traits found in the following traits keys: required: (CUSTOM_A)");
        assertThat(error("1.39", "resources=VCPU:1", "required=in:CUSTOM_A,CUSTOM_B", "required=!CUSTOM_A,!CUSTOM_B"))
                .endsWith("required: (CUSTOM_A, CUSTOM_B)");
        assertThat(parse("1.39", "resources=VCPU:1", "required=in:CUSTOM_A,CUSTOM_B", "required=!CUSTOM_A")
                .groups()).hasSize(1);
    }

    @Test
    void memberOfFormsByMicroversion() {
        RequestGroup g = parse("1.21", "resources=VCPU:1", "member_of=in:" + AGG1 + "," + AGG2).groups().getFirst();
        assertThat(g.memberOf()).containsExactly(Set.of(AGG1, AGG2));
        assertThat(error("1.21", "resources=VCPU:1", "member_of=" + AGG1 + "," + AGG2))
                .startsWith("Multiple values for 'member_of' must be prefixed with the 'in:' or '!in:' keyword");
        assertThat(error("1.21", "resources=VCPU:1", "member_of=not-a-uuid")).isEqualTo("Invalid query string "
                + "parameters: Expected 'member_of' parameter to contain valid UUID(s). Got: not-a-uuid");
        assertThat(error("1.23", "resources=VCPU:1", "member_of=" + AGG1, "member_of=" + AGG2))
                .isEqualTo("Multiple member_of parameters are not supported");
        assertThat(parse("1.24", "resources=VCPU:1", "member_of=" + AGG1, "member_of=" + AGG2).groups().getFirst()
                .memberOf()).containsExactly(Set.of(AGG1), Set.of(AGG2));
        assertThat(error("1.31", "resources=VCPU:1", "member_of=!" + AGG1))
                .isEqualTo("Forbidden member_of parameters are not supported in the specified microversion");
        RequestGroup f = parse("1.32", "resources=VCPU:1", "member_of=!in:" + AGG1 + "," + AGG2).groups().getFirst();
        assertThat(f.forbiddenAggregates()).containsExactlyInAnyOrder(AGG1, AGG2);
        assertThat(f.memberOf()).isEmpty();
    }

    @Test
    void groupPolicyIsNeededWithTwoGranularGroups() {
        assertThat(error("1.25", "resources1=VCPU:1", "resources2=VCPU:1")).isEqualTo("The \"group_policy\" "
                + "parameter is required when specifying more than one \"resources{N}\" parameter.");
        assertThat(parse("1.25", "resources=VCPU:1", "resources1=MEMORY_MB:1").groups()).hasSize(2);
        assertThat(error("1.25", "resources=VCPU:1", "group_policy=bogus"))
                .contains("'bogus' is not one of ['none', 'isolate']");
        assertThat(parse("1.25", "resources1=VCPU:1", "resources2=VCPU:1", "group_policy=isolate",
                "group_policy=none").groupPolicy()).as("the first group_policy counts").isEqualTo(GroupPolicy.ISOLATE);
    }

    @Test
    void theUnsuffixedGroupComesFirstThenNumberedGroupsThenNamedOnes() {
        CandidateQuery query = parse("1.33", "resources10=VCPU:1", "resources_B=VCPU:1", "resources=MEMORY_MB:1",
                "resources2=DISK_GB:1", "resources_A=VCPU:1", "group_policy=none");
        assertThat(query.groups()).extracting(RequestGroup::suffix).containsExactly("", "2", "10", "_A", "_B");
    }

    @Test
    void beforeSameSubtreeEveryGroupNeedsResources() {
        assertThat(error("1.25", "required=CUSTOM_FOO", "required1=CUSTOM_BAR")).isEqualTo("All traits parameters must "
                + "be associated with resources.  Found the following orphaned traits keys: required, required1");
        assertThat(error("1.25", "member_of=" + AGG1, "member_of3=" + AGG2)).isEqualTo("All member_of parameters must "
                + "be associated with resources. Found the following orphaned member_of keys: member_of, member_of3");
        assertThat(error("1.31", "resources=VCPU:1", "in_tree1=" + AGG1)).isEqualTo(
                "All request groups must specify resources.");
        assertThat(error("1.25", "group_policy=isolate")).isEqualTo(
                "At least one request group (`resources` or `resources{$S}`) is required.");
    }

    @Test
    void fromSameSubtreeResourcelessGroupsMustBeNamedThere() {
        assertThat(error("1.36", "resources1=VCPU:1", "required2=CUSTOM_A", "group_policy=none")).isEqualTo(
                "Resourceless suffixed group request should be specified in `same_subtree` query param: bad group(s) "
                        + "- ['2'].");
        assertThat(code("1.36", "resources1=VCPU:1", "required2=CUSTOM_A", "group_policy=none"))
                .isEqualTo("placement.query.bad_value");
        assertThat(error("1.36", "member_of1=" + AGG1, "group_policy=none"))
                .isEqualTo("There must be at least one resources or resources[$S] parameter.");
        assertThat(code("1.36", "member_of1=" + AGG1)).isEqualTo("placement.query.missing_value");
        assertThat(error("1.36", "resources_COMPUTE=VCPU:1", "resources_ACCEL=CUSTOM_FPGA:1",
                "same_subtree=COMPUTE,_ACCEL", "group_policy=none")).isEqualTo("Real suffixes should be specified in "
                + "`same_subtree`: ['COMPUTE'] not found in ['_ACCEL', '_COMPUTE'].");
        assertThat(error("1.36", "resources_COMPUTE=VCPU:1", "same_subtree=_COMPUTE,,_ACCEL"))
                .isEqualTo("Empty string (unsuffixed group) can not be specified in `same_subtree` ");
        CandidateQuery ok = parse("1.36", "resources=VCPU:1", "required_NIC=CUSTOM_NIC",
                "resources_PORT=CUSTOM_VF:1", "same_subtree=_NIC,_PORT", "group_policy=none");
        assertThat(ok.groups()).extracting(RequestGroup::suffix).containsExactly("", "_NIC", "_PORT");
        assertThat(ok.sameSubtrees()).containsExactly(Set.of("_NIC", "_PORT"));
    }

    @Test
    void rootRequiredOnceWithoutAnyOf() {
        CandidateQuery query = parse("1.35", "resources=VCPU:1", "root_required=CUSTOM_A,!CUSTOM_B");
        assertThat(query.rootRequired()).containsExactly("CUSTOM_A");
        assertThat(query.rootForbidden()).containsExactly("CUSTOM_B");
        assertThat(error("1.35", "resources=VCPU:1", "root_required=CUSTOM_A", "root_required=CUSTOM_B"))
                .isEqualTo("Query parameter 'root_required' may be specified only once.");
        assertThat(code("1.35", "resources=VCPU:1", "root_required=CUSTOM_A", "root_required=CUSTOM_B"))
                .isEqualTo("placement.query.duplicate_key");
        assertThat(error("1.35", "resources=VCPU:1", "root_required=CUSTOM_A,!CUSTOM_A"))
                .isEqualTo("Conflicting required and forbidden traits found in root_required: CUSTOM_A");
        assertThat(error("1.39", "resources=VCPU:1", "root_required=in:CUSTOM_A,CUSTOM_B"))
                .contains("only supported since microversion 1.39");
    }

    @Test
    void inTreeMustBeAUuidAndIsPerGroup() {
        assertThat(error("1.31", "resources=VCPU:1", "in_tree=life-is-beautiful"))
                .contains("Expected 'in_tree' parameter to be a format of uuid");
        CandidateQuery query = parse("1.31", "resources=VCPU:1", "in_tree=" + AGG1, "resources1=DISK_GB:1",
                "in_tree1=" + AGG2);
        assertThat(query.groups()).extracting(RequestGroup::inTree).containsExactly(AGG1, AGG2);
    }
}
