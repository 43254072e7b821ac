package dev.overcast.orchestration.resources.nova;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.template.functions.Py;

/**
 * The body of Nova's {@code POST /servers} for an OS::Nova::Server, from its properties once the
 * image, flavor and networks are ids. Pure, so that the mapping is tested without a cloud.
 *
 * @param name      the server's name
 * @param imageId   the image's id (null boots from nothing, which Nova refuses with its reason)
 * @param flavorId  the flavor's id
 * @param networks  Nova's {@code networks}: a list of {@code uuid}/{@code port}/{@code fixed_ip}
 *                  maps, or {@code auto} or {@code none}
 * @param tag       the creation key, set as a server tag
 */
record ServerRequest(String name, String imageId, String flavorId, Object networks, String tag) {

    /** @return the request body */
    Map<String, Object> body(Map<String, Object> properties) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("name", name);
        if (imageId != null) {
            server.put("imageRef", imageId);
        }
        server.put("flavorRef", flavorId);
        server.put("networks", networks);
        putIfGiven(server, "key_name", properties.get("key_name"));
        putIfGiven(server, "availability_zone", properties.get("availability_zone"));
        if (properties.get("config_drive") != null) {
            server.put("config_drive", properties.get("config_drive"));
        }
        if (properties.get("user_data") != null && !properties.get("user_data").toString().isEmpty()) {
            server.put("user_data", Base64.getEncoder().encodeToString(
                    properties.get("user_data").toString().getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, String> metadata = Calls.strings(properties.get("metadata"));
        if (!metadata.isEmpty()) {
            server.put("metadata", metadata);
        }
        List<Map<String, String>> groups = new ArrayList<>();
        if (properties.get("security_groups") instanceof List<?> names) {
            names.forEach(n -> groups.add(Map.of("name", Py.str(n))));
        }
        if (!groups.isEmpty()) {
            server.put("security_groups", groups);
        }
        server.put("tags", List.of(tag));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("server", server);
        if (properties.get("scheduler_hints") instanceof Map<?, ?> hints && !hints.isEmpty()) {
            body.put("os:scheduler_hints", hints);
        }
        return body;
    }

    /**
     * Nova's {@code networks} for the property's entries whose networks are resolved: none given
     * is {@code auto} (Nova picks the project's one network), an entry {@code allocate_network}
     * of {@code none} or {@code auto} is that choice.
     *
     * @param entries the property's entries, each with {@code network} already an id
     */
    static Object networks(List<Map<String, Object>> entries) {
        if (entries.isEmpty()) {
            return "auto";
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            if (e.get("allocate_network") != null) {
                return e.get("allocate_network").toString();
            }
            Map<String, String> nic = new LinkedHashMap<>();
            putIfGiven(nic, "port", e.get("port"));
            if (e.get("port") == null) {
                putIfGiven(nic, "uuid", e.get("network"));
            }
            putIfGiven(nic, "fixed_ip", e.get("fixed_ip"));
            out.add(nic);
        }
        return out;
    }

    private static void putIfGiven(Map<String, ? super String> map, String key, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            map.put(key, value.toString());
        }
    }
}
