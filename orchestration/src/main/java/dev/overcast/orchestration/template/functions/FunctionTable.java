package dev.overcast.orchestration.template.functions;

import static dev.overcast.orchestration.template.TemplateVersion.V2013_05_23;
import static dev.overcast.orchestration.template.TemplateVersion.V2014_10_16;
import static dev.overcast.orchestration.template.TemplateVersion.V2015_04_30;
import static dev.overcast.orchestration.template.TemplateVersion.V2015_10_15;
import static dev.overcast.orchestration.template.TemplateVersion.V2016_04_08;
import static dev.overcast.orchestration.template.TemplateVersion.V2016_10_14;
import static dev.overcast.orchestration.template.TemplateVersion.V2017_02_24;
import static dev.overcast.orchestration.template.TemplateVersion.V2017_09_01;
import static dev.overcast.orchestration.template.TemplateVersion.V2021_04_16;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.template.TemplateVersion;
import dev.overcast.orchestration.template.functions.SnippetParser.Context;
import dev.overcast.orchestration.template.functions.SnippetParser.FunctionCall;

/**
 * Which intrinsic function exists in which HOT version — the one place that says so (Heat's
 * {@code functions} and {@code condition_functions} tables of {@code hot/template.py}).
 *
 * <p>Each row gives the first version with the function, the first version without it (for the
 * CloudFormation-style functions HOT dropped) and the first version in which it may be used in
 * the {@code conditions} section. Where Heat changed a function's behaviour between versions
 * (e.g. {@code list_join} taking several lists from 2015-10-15), the factory picks the variant
 * from the version.
 *
 * <p>Heat treats a function name that the version does not know as plain data; here a name that
 * exists in some other version is refused with Heat's "not supported in this version of HOT"
 * message instead, which is what Heat says for the functions it removed.
 */
public final class FunctionTable {

    /** Builds a function (or, for macros, the snippet it expands to) from a call. */
    @FunctionalInterface
    public interface Factory {
        Object create(FunctionCall call);
    }

    /**
     * One function.
     *
     * @param name             its name
     * @param description      Heat's one-line description (the API's template functions list)
     * @param since            first version that has it
     * @param removedIn        first version that no longer has it, or null
     * @param conditionsSince  first version where it is allowed in conditions, or null
     * @param macro            whether it receives its arguments unparsed ({@code if})
     * @param factory          what builds it
     */
    public record Entry(String name, String description, TemplateVersion since, TemplateVersion removedIn,
                        TemplateVersion conditionsSince,
                        boolean macro, Factory factory) {

        /** @return whether the function exists in the template body of {@code version} */
        public boolean inTemplate(TemplateVersion version) {
            return version.atLeast(since) && (removedIn == null || !version.atLeast(removedIn));
        }

        /** @return whether the function may be used in the conditions of {@code version} */
        public boolean inConditions(TemplateVersion version) {
            return conditionsSince != null && version.atLeast(conditionsSince);
        }
    }

    /** What a name means in a version and context. */
    public sealed interface Lookup {
        /** A function usable here. */
        record Available(Entry entry) implements Lookup {
        }

        /** A function of another version: refused when validated. */
        record Unavailable() implements Lookup {
        }

        /** A template function used in the conditions section. */
        record InvalidHere() implements Lookup {
        }

        /** Not a function name: the map is data. */
        record NotAFunction() implements Lookup {
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        // HOT functions
        add("get_param", "A function for resolving parameter references.",
                V2013_05_23, null, V2016_10_14, false, c -> new GetParam(c));
        add("get_resource", "A function for resolving resource references.",
                V2013_05_23, null, null, false, c -> new GetResource(c.name(), c.args()));
        add("get_attr", "A function for resolving resource attributes.",
                V2013_05_23, null, null, false, GetAttr::create);
        add("get_file", "A function for including a file inline.",
                V2013_05_23, null, null, false, c -> new GetFile(c));
        add("str_replace", "A function for performing string substitutions.", V2013_05_23, null, null, false,
                c -> new StrReplace(c.name(), c.args(), c.scope().version().atLeast(V2015_10_15)
                        ? StrReplace.Mode.JSON : StrReplace.Mode.PLAIN));
        add("list_join", "A function for joining one or more lists of strings.", V2013_05_23, null, null, false,
                c -> c.scope().version().atLeast(V2015_10_15) ? ListJoin.multiple(c.name(), c.args())
                        : ListJoin.single(c.name(), c.args()));
        add("resource_facade", "A function for retrieving data in a parent provider template.",
                V2013_05_23, null, null, false, c -> new ResourceFacade(c.name(), c.args()));
        add("digest", "A function for performing digest operations.",
                V2015_04_30, null, null, false, c -> new Digest(c.name(), c.args()));
        add("repeat", "A function for iterating over a list of items or a dict of keys.",
                V2015_04_30, null, null, false, Repeat::create);
        add("str_split", "A function for splitting delimited strings into a list.",
                V2015_10_15, null, null, false, c -> new StrSplit(c.name(), c.args(), true));
        add("map_merge", "A function for merging maps.",
                V2016_04_08, null, null, false, c -> new MapMerge(c.name(), c.args()));
        add("map_replace", "A function for performing substitutions on maps.",
                V2016_10_14, null, null, false, c -> new MapReplace(c.name(), c.args()));
        add("yaql", "A function for executing a yaql expression.",
                V2016_10_14, null, V2017_09_01, false, c -> new Refused(c.name(), c.args(), "yaql"));
        add("if", "A function to return corresponding value based on condition evaluation.",
                V2016_10_14, null, V2021_04_16, true, If::expand);
        add("equals", "A function for comparing whether two values are equal.",
                V2016_10_14, null, V2016_10_14, false, c -> new Equals(c.name(), c.args()));
        add("not", "A function that acts as a NOT operator on a condition.",
                V2016_10_14, null, V2016_10_14, false, c -> ConditionBoolean.not(c));
        add("and", "A function that acts as an AND operator on conditions.",
                V2016_10_14, null, V2016_10_14, false, c -> ConditionBoolean.and(c));
        add("or", "A function that acts as an OR operator on conditions.",
                V2016_10_14, null, V2016_10_14, false, c -> ConditionBoolean.or(c));
        add("filter", "A function for filtering out values from lists.",
                V2017_02_24, null, null, false, c -> new Filter(c.name(), c.args()));
        add("str_replace_strict", "A function for performing string substitutions.", V2017_02_24, null, null, false,
                c -> new StrReplace(c.name(), c.args(), StrReplace.Mode.STRICT));
        add("make_url", "A function for performing substitutions on maps.",
                V2017_09_01, null, null, false, c -> new MakeUrl(c.name(), c.args()));
        add("list_concat", "A function for extending lists.",
                V2017_09_01, null, null, false, c -> new ListConcat(c.name(), c.args(), false));
        add("list_concat_unique", "A function for extending lists with unique items.",
                V2017_09_01, null, null, false, c -> new ListConcat(c.name(), c.args(), true));
        add("str_replace_vstrict", "A function for performing string substitutions.", V2017_09_01, null, null, false,
                c -> new StrReplace(c.name(), c.args(), StrReplace.Mode.VERY_STRICT));
        add("contains", "A function for checking whether specific value is in sequence.",
                V2017_09_01, null, V2017_09_01, false, c -> new Contains(c.name(), c.args()));

        // CloudFormation-style functions of 2013-05-23 (Fn::Select lived until 2015-10-15)
        add("Fn::Select", "A function for selecting an item from a list or map.",
                V2013_05_23, V2015_10_15, null, false, c -> new CfnSelect(c.name(), c.args()));
        add("Fn::Join", "A function for joining strings.",
                V2013_05_23, V2014_10_16, null, false, c -> ListJoin.single(c.name(), c.args()));
        add("Fn::Split", "A function for splitting strings.",
                V2013_05_23, V2014_10_16, null, false, c -> new StrSplit(c.name(), c.args(), false));
        add("Fn::Replace", "A function for performing string substitutions.",
                V2013_05_23, V2014_10_16, null, false, c -> StrReplace.cfn(c.name(), c.args()));
        add("Fn::Base64", "A placeholder function for converting to base64.",
                V2013_05_23, V2014_10_16, null, false, c -> new CfnBase64(c.name(), c.args()));
        add("Ref", "A function for resolving parameters or resource references.",
                V2013_05_23, V2014_10_16, null, false, c -> new CfnRef(c));
        add("Fn::GetAZs", "A function for retrieving the availability zones.",
                V2013_05_23, V2014_10_16, null, false, c -> new Refused(c.name(), c.args(), "Fn::GetAZs"));
        add("Fn::MemberListToMap", "A function to convert lists with enumerated keys and values to mapping.",
                V2013_05_23, V2014_10_16, null, false,
                c -> new Refused(c.name(), c.args(), "Fn::MemberListToMap"));
        add("Fn::ResourceFacade", "A function for retrieving data in a parent provider template.",
                V2013_05_23, V2014_10_16, null, false,
                c -> new Refused(c.name(), c.args(), "Fn::ResourceFacade"));
    }

    private FunctionTable() {
    }

    private static void add(String name, String description, TemplateVersion since, TemplateVersion removedIn,
                            TemplateVersion conditionsSince, boolean macro, Factory factory) {
        ENTRIES.put(name, new Entry(name, description, since, removedIn, conditionsSince, macro, factory));
    }

    /** @return every function row, in table order */
    public static List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /**
     * The functions Heat's {@code GET /template_versions/{version}/functions} lists.
     *
     * @param withConditionFunctions also list the functions of the conditions section
     * @return the entries usable in {@code version}, in table order
     */
    public static List<Entry> listed(TemplateVersion version, boolean withConditionFunctions) {
        return ENTRIES.values().stream()
                .filter(e -> e.inTemplate(version) || (withConditionFunctions && e.inConditions(version)))
                .toList();
    }

    /** @return the names of the functions of the template body of {@code version} */
    public static List<String> templateFunctions(TemplateVersion version) {
        return ENTRIES.values().stream().filter(e -> e.inTemplate(version)).map(Entry::name).toList();
    }

    /** @return the names of the functions allowed in conditions of {@code version} */
    public static List<String> conditionFunctions(TemplateVersion version) {
        return ENTRIES.values().stream().filter(e -> e.inConditions(version)).map(Entry::name).toList();
    }

    /** @return what {@code name} means in {@code version} and {@code context} */
    public static Lookup lookup(String name, TemplateVersion version, Context context) {
        Entry entry = ENTRIES.get(name);
        if (entry == null) {
            return new Lookup.NotAFunction();
        }
        if (context == Context.CONDITION) {
            if (entry.inConditions(version)) {
                return new Lookup.Available(entry);
            }
            return entry.inTemplate(version) ? new Lookup.InvalidHere() : new Lookup.Unavailable();
        }
        return entry.inTemplate(version) ? new Lookup.Available(entry) : new Lookup.Unavailable();
    }
}
