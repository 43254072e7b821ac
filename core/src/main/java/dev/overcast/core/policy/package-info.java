/**
 * The policy engine: named access rules in oslo.policy's language, with each service's
 * defaults registered in code and an operator's policy file overriding any of them. Start
 * at {@link dev.overcast.core.policy.Policy}.
 */
package dev.overcast.core.policy;
