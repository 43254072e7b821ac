package dev.overcast.compute.network;

import java.util.List;

import dev.overcast.compute.network.NeutronClient.NeutronError;
import dev.overcast.core.http.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * The Network service's API with the caller's own token, for Nova's proxy APIs
 * ({@code os-security-groups}, {@code os-networks}, {@code os-floating-ips}, ...), which before
 * 2.36 show Network's resources in Nova's shapes. Network decides what the caller may see and
 * change; its refusals come back as {@link ApiException}s with its status and message, which the
 * proxies map to Nova's where the two differ.
 */
public final class NeutronProxy {
    private final NeutronClient neutron;

    NeutronProxy(NeutronClient neutron) {
        this.neutron = neutron;
    }

    public JsonNode get(String path, String token) {
        try {
            return neutron.get(path, token);
        } catch (NeutronError e) {
            throw mapped(e);
        }
    }

    /** The items of {@code GET /v2.0/<collection>?query}. */
    public List<JsonNode> list(String collection, String query, String token) {
        try {
            return neutron.list(collection, query, token);
        } catch (NeutronError e) {
            throw mapped(e);
        }
    }

    public JsonNode post(String path, Object body, String token) {
        try {
            return neutron.post(path, body, token);
        } catch (NeutronError e) {
            throw mapped(e);
        }
    }

    public JsonNode put(String path, Object body, String token) {
        try {
            return neutron.put(path, body, token);
        } catch (NeutronError e) {
            throw mapped(e);
        }
    }

    public void delete(String path, String token) {
        try {
            neutron.delete(path, token);
        } catch (NeutronError e) {
            throw mapped(e);
        }
    }

    /** {@code name=value}, URL-encoded, for a list's query. */
    public static String query(String name, String value) {
        return NeutronClient.q(name, value);
    }

    private static ApiException mapped(NeutronError e) {
        return new ApiException(e.status() >= 500 ? 503 : e.status(), e.getMessage(), e.type());
    }
}
