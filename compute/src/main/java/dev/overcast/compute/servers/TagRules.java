package dev.overcast.compute.servers;

import tools.jackson.databind.JsonNode;

/** What a server tag may be, as Nova's schema says: 1 to 60 characters, no comma and no slash. */
final class TagRules {
    private TagRules() {
    }

    static final int MAX_TAGS = 50;

    static String check(JsonNode tag) {
        if (!tag.isString()) {
            throw CreateRequest.invalid("tags", tag.toString(), tag + " is not of type 'string'");
        }
        return check(tag.asString());
    }

    static String check(String tag) {
        if (tag.isEmpty() || tag.length() > 60) {
            throw CreateRequest.invalid("tags", tag, "tags must be 1 to 60 characters");
        }
        if (tag.contains(",") || tag.contains("/")) {
            throw CreateRequest.invalid("tags", tag, "'" + tag + "' does not match '^[^,/]*$'");
        }
        return tag;
    }
}
