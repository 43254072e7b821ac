package dev.overcast.core.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A set of named access rules in oslo.policy's language, the way every OpenStack service
 * decides whether a caller may do something: {@code identity:get_user} →
 * {@code role:admin or (role:reader and user_id:%(target.user.id)s)}.
 *
 * <p>Each service registers its defaults in code with {@link #of}; an operator's policy file
 * replaces any of them with {@link #withOverrides(Path)}. Every rule is parsed when the
 * policy is built, so a rule that does not parse, or rules that refer to each other in a
 * cycle, fail with {@link IllegalArgumentException} at start-up rather than on a request.
 *
 * <p>The language, as oslo.policy reads it:
 * <ul>
 *   <li>{@code ""} and {@code @} allow everyone, {@code !} no one;
 *   <li>{@code not}, {@code and}, {@code or} (binding in that order) and parentheses;
 *   <li>{@code rule:NAME} is the named rule, false when there is no such rule;
 *   <li>{@code role:NAME} holds when the caller has the role, ignoring case;
 *   <li>{@code ATTRIBUTE:VALUE} compares a {@link Credentials} attribute ({@code user_id},
 *       {@code user_domain_id}, {@code project_id}, {@code project_domain_id},
 *       {@code domain_id}, {@code system_scope} — {@code all} for system scope —,
 *       {@code is_admin_project}, or {@code roles}, which holds if any role equals VALUE);
 *       any other attribute, {@code is_admin} included, never matches;
 *   <li>{@code 'LITERAL':VALUE} (or {@code True}, {@code False}, an integer) compares a
 *       constant, usually with a value from the target: {@code True:%(user.enabled)s}.
 * </ul>
 * VALUE is literal text, optionally quoted, in which {@code %(key)s} is replaced by the
 * target's value for {@code key}: a flat key such as {@code target.project.id} first, else
 * nested maps walked at the dots. A check whose key the target lacks is false. Values
 * compare as text, with booleans written as Python writes them ({@code True}).
 * {@code http:} checks are not supported.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Policy {
    private final Map<String, Rule> rules;

    private Policy(Map<String, Rule> rules) {
        requireAcyclic(rules);
        this.rules = Map.copyOf(rules);
    }

    /** A policy of a service's default rules, rule name → rule text. */
    public static Policy of(Map<String, String> defaults) {
        return new Policy(parseAll(defaults));
    }

    /**
     * This policy with the rules an operator's YAML or JSON file names replaced; other rules
     * keep their defaults. Fails with {@link IllegalArgumentException} naming the file when it
     * is missing, unreadable or not a mapping of rule name to rule text, and naming the rule
     * when one does not parse.
     */
    public Policy withOverrides(Path file) {
        Map<String, String> overrides = PolicyFile.read(file);
        try {
            return withOverrides(overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy file " + file + ": " + e.getMessage(), e);
        }
    }

    /** This policy with the named rules replaced (or added); other rules stay as they are. */
    public Policy withOverrides(Map<String, String> overrides) {
        var merged = new HashMap<>(rules);
        merged.putAll(parseAll(overrides));
        return new Policy(merged);
    }

    /** Whether the caller may act on the target under the named rule; false for an unknown rule. */
    public boolean check(String rule, Credentials creds, Map<String, Object> target) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(creds, "creds");
        Objects.requireNonNull(target, "target");
        Rule parsed = rules.get(rule);
        return parsed != null && new Evaluation(rules, creds, target).test(parsed);
    }

    /** Does nothing when {@link #check} allows the action; otherwise throws {@link PolicyDenied}. */
    public void enforce(String rule, Credentials creds, Map<String, Object> target) {
        if (!check(rule, creds, target)) {
            throw new PolicyDenied(rule);
        }
    }

    private static Map<String, Rule> parseAll(Map<String, String> texts) {
        var parsed = new HashMap<String, Rule>();
        var problems = new ArrayList<String>();
        new TreeMap<>(texts).forEach((name, text) -> {
            if (name.isBlank()) {
                problems.add("a policy rule has a blank name");
            } else if (text == null) {
                problems.add("policy rule \"" + name + "\" has no text; write \"\" or @ to allow everyone, ! to allow no one");
            } else {
                try {
                    parsed.put(name, RuleParser.parse(text));
                } catch (IllegalArgumentException e) {
                    problems.add("policy rule \"" + name + "\" does not parse: " + e.getMessage()
                            + " (rule text: \"" + text + "\")");
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.size() == 1
                    ? problems.getFirst()
                    : problems.size() + " policy rules are wrong: " + String.join("; ", problems));
        }
        return parsed;
    }

    /** A cycle would recurse forever on the first request that reaches it (as it does in oslo). */
    private static void requireAcyclic(Map<String, Rule> rules) {
        var finished = new HashSet<String>();
        for (String name : new TreeMap<>(rules).keySet()) {
            visit(name, rules, new ArrayList<>(), finished);
        }
    }

    private static void visit(String name, Map<String, Rule> rules, List<String> path, Set<String> finished) {
        if (finished.contains(name) || !rules.containsKey(name)) {
            return;
        }
        int seen = path.indexOf(name);
        if (seen >= 0) {
            var cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(name);
            throw new IllegalArgumentException("policy rules refer to each other in a cycle: " + String.join(" -> ", cycle));
        }
        path.add(name);
        references(rules.get(name)).forEach(reference -> visit(reference, rules, path, finished));
        path.removeLast();
        finished.add(name);
    }

    private static Stream<String> references(Rule rule) {
        return switch (rule) {
            case Rule.Ref ref -> Stream.of(ref.name());
            case Rule.Not not -> references(not.negated());
            case Rule.And and -> and.parts().stream().flatMap(Policy::references);
            case Rule.Or or -> or.parts().stream().flatMap(Policy::references);
            case Rule.Always ignored -> Stream.empty();
            case Rule.Role ignored -> Stream.empty();
            case Rule.Attribute ignored -> Stream.empty();
            case Rule.Constant ignored -> Stream.empty();
        };
    }
}
