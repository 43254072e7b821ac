package dev.overcast.orchestration.template.functions;

import java.util.Set;

/**
 * What validating a parsed snippet checks against: the resources that exist (those whose
 * condition holds) and the name of the place being validated, for Heat's
 * {@code The specified reference "x" (in <key>) is incorrect.}.
 *
 * @param resources names of the enabled resources
 * @param key       where the snippet sits, e.g. {@code server.properties}
 */
public record ValidationScope(Set<String> resources, String key) {
}
