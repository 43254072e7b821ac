package dev.overcast.core.policy;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** One walk of a rule tree for one caller and one target. */
record Evaluation(Map<String, Rule> rules, Credentials creds, Map<String, ?> target) {

    boolean test(Rule rule) {
        return switch (rule) {
            case Rule.Always always -> always.allow();
            case Rule.And and -> and.parts().stream().allMatch(this::test);
            case Rule.Or or -> or.parts().stream().anyMatch(this::test);
            case Rule.Not not -> !test(not.negated());
            case Rule.Ref ref -> rules.containsKey(ref.name()) && test(rules.get(ref.name()));
            case Rule.Role role -> role.role().render(target).map(this::holdsRole).orElse(false);
            case Rule.Attribute attribute -> attribute.value().render(target)
                    .map(expected -> attributeMatches(attribute.name(), expected)).orElse(false);
            case Rule.Constant constant -> constant.value().render(target).map(constant.literal()::equals).orElse(false);
        };
    }

    private boolean holdsRole(String role) {
        String wanted = role.toLowerCase(Locale.ROOT);
        return creds.roles().stream().anyMatch(held -> held.toLowerCase(Locale.ROOT).equals(wanted));
    }

    /**
     * Compares as oslo's GenericCheck does: the attribute's Python {@code str()} equals the
     * expected text, or for a list attribute ({@code roles}) one element's does, case and all.
     * An unknown attribute (including {@code is_admin}, which Overcast's credentials never
     * carry, just as oslo.context's policy values do not) or a null one never matches.
     */
    private boolean attributeMatches(String name, String expected) {
        Object value = switch (name) {
            case "user_id" -> creds.userId();
            case "user_domain_id" -> creds.userDomainId();
            case "project_id" -> creds.projectId();
            case "project_domain_id" -> creds.projectDomainId();
            case "domain_id" -> creds.domainId();
            case "system_scope" -> creds.systemScope() ? "all" : null;
            case "is_admin_project" -> creds.isAdminProject();
            case "roles" -> creds.roles();
            default -> null;
        };
        if (value instanceof Collection<?> values) {
            return values.stream().anyMatch(element -> Target.pythonStr(element).equals(expected));
        }
        return value != null && Target.pythonStr(value).equals(expected);
    }
}
