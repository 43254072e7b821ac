package dev.overcast.identity.credential;

/** An access rule as stored; {@code externalId} is the id clients see. */
public record AccessRuleRow(long id, String externalId, String userId, String service, String path, String method) {
}
