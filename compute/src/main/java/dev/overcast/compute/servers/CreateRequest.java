package dev.overcast.compute.servers;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.compute.network.NetworkRequest;
import dev.overcast.compute.network.RequestedNetworks;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import tools.jackson.databind.JsonNode;

/**
 * A server create's body, read and checked field by field for the request's microversion, with
 * Nova's messages. Fields a microversion does not know are refused as Nova's strict schemas do.
 */
record CreateRequest(String name, String imageRef, String flavorRef, String availabilityZone, String keyName,
                     String userData, String description, String hostname, Map<String, String> metadata,
                     List<String> tags, int minCount, int maxCount, boolean returnReservationId,
                     RequestedNetworks networks, List<String> securityGroups, String requestedHost,
                     String requestedNode,
                     Map<String, List<String>> schedulerHints, String accessIpV4, String accessIpV6,
                     String adminPass, String diskConfig) {

    private static final Set<String> V2_1_FIELDS = Set.of("name", "imageRef", "flavorRef", "availability_zone",
            "metadata", "networks", "key_name", "user_data", "min_count", "max_count", "return_reservation_id",
            "security_groups", "block_device_mapping", "block_device_mapping_v2", "config_drive", "adminPass",
            "accessIPv4", "accessIPv6", "OS-DCF:diskConfig", "personality");

    static CreateRequest read(Request req) {
        JsonNode body = req.json();
        if (!body.isObject() || !body.path("server").isObject()) {
            throw ApiException.badRequest("Invalid input for field/attribute server. Value: " + body
                    + ". 'server' is a required property");
        }
        JsonNode s = body.get("server");
        allowedFields(req, s);
        String name = string(s, "name", true, 1, 255);
        if (!name.equals(name.strip())) {
            throw invalid("name", name, "Leading/trailing whitespace is not allowed");
        }
        String flavorRef = ref(s, "flavorRef", true);
        String imageRef = ref(s, "imageRef", false);
        imageRef = imageRef == null ? bootImage(s) : imageRef;
        String description = req.versionAtLeast(2, 19) ? nullableString(s, "description", 0, 255) : null;
        String hostname = req.versionAtLeast(2, 90) ? nullableString(s, "hostname", 1, 255) : null;
        String userData = nullableString(s, "user_data", 0, 65535);
        if (userData != null) {
            try {
                Base64.getMimeDecoder().decode(userData);
            } catch (IllegalArgumentException e) {
                throw invalid("user_data", userData, "User data needs to be valid base 64.");
            }
        }
        int min = count(s, "min_count");
        int max = count(s, "max_count");
        if (s.has("min_count") && !s.has("max_count")) {
            max = min;
        }
        if (min > max) {
            throw ApiException.badRequest("min_count must be <= max_count");
        }
        return new CreateRequest(name, imageRef, flavorRef, nullableString(s, "availability_zone", 1, 255),
                nullableString(s, "key_name", 1, 255), userData, description, hostname, MetadataRules.read("metadata", s.get("metadata")), tags(req, s),
                min, max, s.path("return_reservation_id").asBoolean(false), networks(req, s), securityGroups(s),
                req.versionAtLeast(2, 74) ? nullableString(s, "host", 1, 255) : null,
                req.versionAtLeast(2, 74) ? nullableString(s, "hypervisor_hostname", 1, 255) : null,
                hints(body), AccessAddresses.v4("accessIPv4", nullableString(s, "accessIPv4", 0, 64)),
                AccessAddresses.v6("accessIPv6", nullableString(s, "accessIPv6", 0, 64)),
                nullableString(s, "adminPass", 0, 255), DiskConfig.read(s.get("OS-DCF:diskConfig")));
    }

    private static void allowedFields(Request req, JsonNode s) {
        String value = s.toString();
        UnknownAttributes.check(req, s, field -> field.equals("personality") ? !req.versionAtLeast(2, 57)
                : V2_1_FIELDS.contains(field)
                || (field.equals("description") && req.versionAtLeast(2, 19))
                || (field.equals("tags") && req.versionAtLeast(2, 52))
                || (field.equals("trusted_image_certificates") && req.versionAtLeast(2, 63))
                || ((field.equals("host") || field.equals("hypervisor_hostname")) && req.versionAtLeast(2, 74))
                || (field.equals("hostname") && req.versionAtLeast(2, 90)),
                field -> ApiException.badRequest("Invalid input for field/attribute server. Value: " + value
                        + ". Additional properties are not allowed ('" + field + "' was unexpected)"));
    }

    /** The image of a boot from a local image mapping (block_device_mapping_v2, boot_index 0). */
    private static String bootImage(JsonNode s) {
        for (JsonNode bdm : s.path("block_device_mapping_v2")) {
            String source = bdm.path("source_type").asString("");
            String destination = bdm.path("destination_type").asString("local");
            if (!destination.equals("local")) {
                throw ApiException.badRequest("Block Device Mapping is Invalid: volumes need the Volume service, "
                        + "which Overcast does not run yet.");
            }
            if (source.equals("image") && bdm.path("boot_index").asInt(-1) == 0) {
                return bdm.path("uuid").asString(null);
            }
        }
        return null;
    }

    private static RequestedNetworks networks(Request req, JsonNode s) {
        JsonNode n = s.get("networks");
        if (n == null) {
            if (req.versionAtLeast(2, 37)) {
                throw ApiException.badRequest("Invalid input for field/attribute server. Value: " + s
                        + ". 'networks' is a required property");
            }
            return RequestedNetworks.of(RequestedNetworks.Mode.UNSPECIFIED);
        }
        if (n.isString()) {
            if (!req.versionAtLeast(2, 37) || !(n.asString().equals("auto") || n.asString().equals("none"))) {
                throw invalid("networks", n.asString(), "'" + n.asString() + "' is not of type 'array'");
            }
            return RequestedNetworks.of(n.asString().equals("auto") ? RequestedNetworks.Mode.AUTO
                    : RequestedNetworks.Mode.NONE);
        }
        if (!n.isArray()) {
            throw invalid("networks", n.toString(), n + " is not of type 'array'");
        }
        if (n.isEmpty()) {
            return RequestedNetworks.of(RequestedNetworks.Mode.NONE);
        }
        List<NetworkRequest> requests = new ArrayList<>();
        for (JsonNode net : n) {
            requests.add(network(req, net));
        }
        return new RequestedNetworks(RequestedNetworks.Mode.LIST, requests);
    }

    /** One entry of {@code networks}: a network uuid (with maybe a fixed IP), or a port. */
    static NetworkRequest network(Request req, JsonNode net) {
        if (!net.isObject()) {
            throw invalid("networks", net.toString(), net + " is not of type 'object'");
        }
        String value = net.toString();
        UnknownAttributes.check(req, net, field -> field.equals("uuid") || field.equals("port")
                || field.equals("fixed_ip") || (field.equals("tag") && req.versionAtLeast(2, 32)),
                field -> ApiException.badRequest("Invalid input for field/attribute networks. Value: " + value
                        + ". Additional properties are not allowed ('" + field + "' was unexpected)"));
        String port = net.hasNonNull("port") ? net.get("port").asString() : null;
        String uuid = net.hasNonNull("uuid") ? net.get("uuid").asString() : null;
        String fixedIp = net.hasNonNull("fixed_ip") ? net.get("fixed_ip").asString() : null;
        String tag = net.hasNonNull("tag") ? net.get("tag").asString() : null;
        if (port != null && !isUuid(port)) {
            throw invalid("port", port, "'" + port + "' is not a 'uuid'");
        }
        if (port == null && uuid == null) {
            throw ApiException.badRequest("Bad network format: missing 'uuid'");
        }
        if (port == null && !isUuid(uuid)) {
            throw ApiException.badRequest("Bad networks format: network uuid is not in proper format (" + uuid + ")");
        }
        if (fixedIp != null && !AccessAddresses.isIp(fixedIp)) {
            throw ApiException.badRequest("Invalid fixed IP address (" + fixedIp + ")");
        }
        if (tag != null && (tag.isEmpty() || tag.length() > 60 || tag.contains("/") || tag.contains(","))) {
            throw invalid("tag", tag, "'" + tag + "' does not match '^[^,/]*$'");
        }
        return new NetworkRequest(port != null ? null : uuid, port, port != null ? null : fixedIp, tag);
    }

    static boolean isUuid(String text) {
        return text.matches("(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}");
    }

    /** The security groups by name or id; none means the project's default. */
    private static List<String> securityGroups(JsonNode s) {
        JsonNode groups = s.get("security_groups");
        if (groups == null) {
            return List.of();
        }
        if (!groups.isArray()) {
            throw invalid("security_groups", groups.toString(), groups + " is not of type 'array'");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode g : groups) {
            if (!g.isObject() || !g.path("name").isString() || g.path("name").asString().isEmpty()) {
                throw invalid("security_groups", groups.toString(), g + " is not valid under any of the given schemas");
            }
            if (!names.contains(g.get("name").asString())) {
                names.add(g.get("name").asString());
            }
        }
        return names;
    }


    private static List<String> tags(Request req, JsonNode s) {
        if (!req.versionAtLeast(2, 52) || !s.has("tags")) {
            return List.of();
        }
        JsonNode t = s.get("tags");
        if (!t.isArray() || t.size() > 50) {
            throw invalid("tags", t.toString(), "tags must be a list of at most 50 tags");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode tag : t) {
            out.add(TagRules.check(tag));
        }
        return out.stream().distinct().toList();
    }

    private static Map<String, List<String>> hints(JsonNode body) {
        JsonNode h = body.get("os:scheduler_hints");
        if (h == null) {
            h = body.get("OS-SCH-HNT:scheduler_hints");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (h == null) {
            return out;
        }
        if (!h.isObject()) {
            throw invalid("os:scheduler_hints", h.toString(), h + " is not of type 'object'");
        }
        for (var e : h.properties()) {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asString()));
            } else {
                values.add(e.getValue().asString());
            }
            out.put(e.getKey(), values);
        }
        return out;
    }

    private static String ref(JsonNode s, String field, boolean required) {
        JsonNode v = s.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiException.badRequest("Invalid input for field/attribute server. Value: " + s + ". '"
                        + field + "' is a required property");
            }
            return null;
        }
        if (!v.isString() && !v.isIntegralNumber()) {
            throw invalid(field, v.toString(), v + " is not of type 'string', 'integer'");
        }
        String text = v.asString();
        if (text.isEmpty()) {
            if (required) {
                throw invalid(field, text, "'' is too short");
            }
            return null;
        }
        // A reference may be a URL ending in the id, as older clients send.
        return text.substring(text.lastIndexOf('/') + 1);
    }

    private static String string(JsonNode s, String field, boolean required, int min, int max) {
        String v = nullableString(s, field, min, max);
        if (v == null && required) {
            throw ApiException.badRequest("Invalid input for field/attribute server. Value: " + s + ". '" + field
                    + "' is a required property");
        }
        return v;
    }

    private static String nullableString(JsonNode s, String field, int min, int max) {
        JsonNode v = s.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw invalid(field, v.toString(), v + " is not of type 'string'");
        }
        String text = v.asString();
        if (text.length() < min) {
            throw invalid(field, text, "'" + text + "' is too short");
        }
        if (text.length() > max) {
            throw invalid(field, text, "'" + text + "' is too long");
        }
        return text;
    }

    private static int count(JsonNode s, String field) {
        JsonNode v = s.get(field);
        if (v == null) {
            return 1;
        }
        int n;
        if (v.isIntegralNumber()) {
            n = v.asInt();
        } else if (v.isString() && v.asString().matches("\\d+")) {
            n = Integer.parseInt(v.asString());
        } else {
            throw invalid(field, v.toString(), v + " is not of type 'integer', 'string'");
        }
        if (n < 1) {
            throw invalid(field, v.toString(), n + " is less than the minimum of 1");
        }
        return n;
    }

    static ApiException invalid(String field, String value, String why) {
        return ApiException.badRequest("Invalid input for field/attribute " + field + ". Value: " + value + ". " + why);
    }
}
