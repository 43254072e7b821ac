package dev.overcast.orchestration.nested;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.json.Json;
import dev.overcast.orchestration.template.functions.Py;

/**
 * The pure part of a group: which members it has, what each is made of, and the template of
 * the nested stack that holds them.
 */
final class GroupMembers {
    /** The version of the templates groups write. */
    static final String TEMPLATE_VERSION = "2016-10-14";

    private GroupMembers() {
    }

    /**
     * ResourceGroup's member names: the first {@code count} of 0, 1, 2, ... that were not
     * removed. Growing adds the next free names, shrinking drops the highest, so the members
     * that stay keep their names (and their resources).
     */
    static List<String> indexNames(int count, Collection<String> removed) {
        List<String> names = new ArrayList<>();
        for (int i = 0; names.size() < count; i++) {
            String name = Integer.toString(i);
            if (!removed.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** @return {@code value} with {@code var} replaced by {@code index} in every string inside it */
    static Object substitute(Object value, String var, String index) {
        return switch (value) {
            case String s -> s.replace(var, index);
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(Py.str(k), substitute(v, var, index)));
                yield out;
            }
            case List<?> list -> list.stream().map(v -> substitute(v, var, index)).toList();
            case null, default -> value;
        };
    }

    /**
     * The names a group's {@code removal_policies} remove: each {@code resource_list} entry names
     * a member by name or by reference (physical id). With {@code append} they join the names
     * removed before; with {@code update} they replace them.
     *
     * @param members the current members' names with their references
     */
    static Set<String> removed(Object policies, Map<String, String> members, Collection<String> before,
            boolean append) {
        Set<String> out = new LinkedHashSet<>(append ? before : List.of());
        if (!(policies instanceof List<?> list)) {
            return out;
        }
        for (Object policy : list) {
            if (policy instanceof Map<?, ?> p && p.get("resource_list") instanceof List<?> entries) {
                for (Object entry : entries) {
                    String wanted = Py.str(entry);
                    members.forEach((name, ref) -> {
                        if (name.equals(wanted) || wanted.equals(ref)) {
                            out.add(name);
                        }
                    });
                    if (!members.containsKey(wanted) && !members.containsValue(wanted)) {
                        out.add(wanted);
                    }
                }
            }
        }
        return out;
    }

    /**
     * @param definition the member definition ({@code type}, {@code properties}, {@code metadata})
     * @param indexVar   what to replace by each member's index, or null for none
     * @return the nested stack's template (JSON, which Heat's YAML reader reads) with one
     *         resource per name
     */
    static String template(Map<String, Object> definition, List<String> names, String indexVar) {
        return template(name -> definition, names, indexVar);
    }

    /** As {@link #template(Map, List, String)}, each member with its own definition (a rolling update's batches). */
    static String template(java.util.function.Function<String, Map<String, Object>> definitionOf, List<String> names,
            String indexVar) {
        Map<String, Object> resources = new LinkedHashMap<>();
        for (String name : names) {
            Map<String, Object> definition = definitionOf.apply(name);
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("type", definition.get("type"));
            Object properties = definition.get("properties");
            Object metadata = definition.get("metadata");
            if (properties != null) {
                member.put("properties", indexVar == null ? properties : substitute(properties, indexVar, name));
            }
            if (metadata != null) {
                member.put("metadata", indexVar == null ? metadata : substitute(metadata, indexVar, name));
            }
            resources.put(name, member);
        }
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("heat_template_version", TEMPLATE_VERSION);
        template.put("resources", resources);
        return Json.write(template);
    }

    /** @return the member names in index order (numbers first, by value), as Heat lists them */
    static List<String> inIndexOrder(Collection<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort((a, b) -> {
            boolean na = a.matches("\\d+");
            boolean nb = b.matches("\\d+");
            if (na && nb) {
                return Long.compare(Long.parseLong(a), Long.parseLong(b));
            }
            return na ? -1 : nb ? 1 : a.compareTo(b);
        });
        return sorted;
    }
}
