package dev.overcast.core.policy;

/**
 * Thrown by {@link Policy#enforce} when a rule does not allow the caller to act. The HTTP
 * layer maps it to 403; the message is the one Nova and Keystone send, and is safe to show.
 */
public final class PolicyDenied extends RuntimeException {
    private final String rule;

    PolicyDenied(String rule) {
        super("Policy doesn't allow " + rule + " to be performed.", null, false, false);
        this.rule = rule;
    }

    /** The name of the rule that denied the action, e.g. {@code identity:get_user}. */
    public String rule() {
        return rule;
    }
}
