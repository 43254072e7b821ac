package dev.overcast.compute.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.overcast.compute.network.NeutronClient.NeutronError;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link Networks} over the Network service's API. What a user asks for is checked with the
 * user's token; ports are created and bound with Compute's service token, as Nova does with its
 * {@code [neutron]} credentials, so a build that runs long after the request still can.
 */
public final class NeutronNetworks implements Networks {
    private final NeutronClient neutron;
    private final Supplier<String> serviceToken;

    /**
     * @param networkUrl   the Network service's base URL, such as {@code http://host/network}
     * @param serviceToken Compute's own token (an admin of the service project)
     */
    public NeutronNetworks(String networkUrl, Supplier<String> serviceToken, Duration timeout) {
        this.neutron = new NeutronClient(networkUrl, timeout);
        this.serviceToken = serviceToken;
    }

    @Override
    public java.util.Optional<NeutronProxy> proxy() {
        return java.util.Optional.of(new NeutronProxy(neutron));
    }

    @Override
    public Resolved resolve(String token, String projectId, RequestedNetworks requested, List<String> groups,
            int count) {
        try {
            List<String> groupIds = securityGroups(token, projectId, groups);
            return new Resolved(switch (requested.mode()) {
                case NONE -> List.of();
                case LIST -> checked(token, requested.requests(), count);
                case AUTO, UNSPECIFIED -> available(token, projectId, requested.mode() == RequestedNetworks.Mode.AUTO);
            }, groupIds);
        } catch (NeutronError e) {
            throw unavailable(e);
        }
    }

    private List<String> securityGroups(String token, String projectId, List<String> names) {
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            List<JsonNode> found = neutron.list("security-groups",
                    NeutronClient.q("name", name) + "&" + NeutronClient.q("project_id", projectId), token);
            if (found.isEmpty()) {
                found = neutron.list("security-groups", NeutronClient.q("id", name), token);
            }
            if (found.isEmpty()) {
                throw ApiException.badRequest("Security group " + name + " not found for project " + projectId + ".");
            }
            if (found.size() > 1) {
                throw ApiException.conflict("Multiple security groups found matching '" + name
                        + "'. Use an ID to be more specific.");
            }
            String id = found.getFirst().path("id").asString();
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private List<NetworkRequest> checked(String token, List<NetworkRequest> requests, int count) {
        List<NetworkRequest> out = new ArrayList<>();
        for (NetworkRequest r : requests) {
            if (r.portId() != null) {
                if (count > 1) {
                    throw ApiException.badRequest("Unable to launch multiple instances with a single configured "
                            + "port ID. Please launch your instance one by one with different ports.");
                }
                JsonNode port = port(token, r.portId());
                out.add(new NetworkRequest(port.path("network_id").asString(), r.portId(), null, r.tag()));
                continue;
            }
            if (r.fixedIp() != null && count > 1) {
                throw ApiException.badRequest("max_count cannot be greater than 1 if an fixed_ip is specified.");
            }
            JsonNode network = network(token, r.networkId());
            if (network.path("subnets").isEmpty()) {
                throw ApiException.badRequest("Network " + r.networkId()
                        + " requires a subnet in order to boot instances on.");
            }
            out.add(r);
        }
        return out;
    }

    /** A port the user may give a server: visible to the user and not in use. */
    private JsonNode port(String token, String portId) {
        JsonNode port;
        try {
            port = neutron.get("/ports/" + portId, token).path("port");
        } catch (NeutronError e) {
            if (e.status() == 404) {
                throw ApiException.badRequest("Port id " + portId + " could not be found.");
            }
            throw e;
        }
        if (!port.path("device_id").asString("").isEmpty()) {
            throw ApiException.conflict("Port " + portId + " is still in use.");
        }
        return port;
    }

    private JsonNode network(String token, String networkId) {
        try {
            return neutron.get("/networks/" + networkId, token).path("network");
        } catch (NeutronError e) {
            if (e.status() == 404) {
                throw ApiException.badRequest("Network " + networkId + " could not be found.");
            }
            throw e;
        }
    }

    /**
     * Nova's rule for a create that names no network: the project's own networks and the shared
     * ones; exactly one is used, several are ambiguous, and none means no NIC (or, for
     * {@code auto}, a network Network allocates for the project).
     */
    private List<NetworkRequest> available(String token, String projectId, boolean auto) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        neutron.list("networks", NeutronClient.q("project_id", projectId) + "&shared=False", token)
                .forEach(n -> ids.add(n.path("id").asString()));
        neutron.list("networks", "shared=True", token).forEach(n -> ids.add(n.path("id").asString()));
        if (ids.size() > 1) {
            throw ApiException.conflict("Multiple possible networks found, use a Network ID to be more specific.");
        }
        if (ids.size() == 1) {
            return List.of(new NetworkRequest(ids.iterator().next(), null, null, null));
        }
        if (!auto) {
            return List.of();
        }
        try {
            String id = neutron.get("/auto-allocated-topology/" + projectId, token)
                    .path("auto_allocated_topology").path("id").asString();
            return List.of(new NetworkRequest(id, null, null, null));
        } catch (NeutronError e) {
            throw ApiException.badRequest("Unable to automatically allocate a network for project " + projectId);
        }
    }

    @Override
    public NetworkInfo allocate(Binding binding, List<NetworkRequest> requests, List<String> groups) {
        String token = serviceToken.get();
        try {
            List<JsonNode> existing = new ArrayList<>(neutron.list("ports",
                    NeutronClient.q("device_id", binding.instanceUuid()), token));
            List<JsonNode> ports = new ArrayList<>();
            for (NetworkRequest r : requests) {
                ports.add(r.portId() != null ? bind(token, r.portId(), binding)
                        : portOn(token, existing, r, binding, groups));
            }
            // Interfaces attached since the create (unbound when the server was shelved) follow it too.
            Set<String> requested = new HashSet<>();
            ports.forEach(p -> requested.add(p.path("id").asString()));
            for (JsonNode port : existing) {
                String id = port.path("id").asString();
                if (!requested.contains(id) && !port.path("binding:host_id").asString("").equals(binding.host())) {
                    bind(token, id, binding);
                }
            }
            Set<String> given = new HashSet<>();
            Map<String, String> tags = new HashMap<>();
            for (NetworkRequest r : requests) {
                if (r.portId() != null) {
                    given.add(r.portId());
                }
            }
            for (int i = 0; i < requests.size(); i++) {
                if (requests.get(i).tag() != null) {
                    tags.put(ports.get(i).path("id").asString(), requests.get(i).tag());
                }
            }
            return info(token, ports, given, tags);
        } catch (NeutronError e) {
            throw new NetworkFailure(e.getMessage());
        }
    }

    /** The port made for this request in an earlier run, or a new one. */
    private JsonNode portOn(String token, List<JsonNode> existing, NetworkRequest r, Binding binding,
            List<String> groups) {
        for (JsonNode port : existing) {
            if (port.path("network_id").asString().equals(r.networkId())
                    && (r.fixedIp() == null || hasAddress(port, r.fixedIp()))) {
                existing.remove(port);
                return port.path("binding:host_id").asString("").equals(binding.host()) ? port
                        : bind(token, port.path("id").asString(), binding);
            }
        }
        ObjectNode port = Json.object();
        port.put("network_id", r.networkId());
        port.put("project_id", binding.projectId());
        port.put("device_id", binding.instanceUuid());
        port.put("device_owner", "compute:" + binding.zone());
        port.put("binding:host_id", binding.host());
        if (r.fixedIp() != null) {
            port.putArray("fixed_ips").addObject().put("ip_address", r.fixedIp());
        }
        if (!groups.isEmpty()) {
            var list = port.putArray("security_groups");
            groups.forEach(list::add);
        }
        return neutron.post("/ports", Map.of("port", port), token).path("port");
    }

    private static boolean hasAddress(JsonNode port, String address) {
        for (JsonNode ip : port.path("fixed_ips")) {
            if (ip.path("ip_address").asString().equals(address)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode bind(String token, String portId, Binding binding) {
        ObjectNode port = Json.object();
        port.put("device_id", binding.instanceUuid());
        port.put("device_owner", "compute:" + binding.zone());
        port.put("binding:host_id", binding.host());
        return neutron.put("/ports/" + portId, Map.of("port", port), token).path("port");
    }

    @Override
    public void deallocate(String instanceUuid, Set<String> given) {
        String token = serviceToken.get();
        try {
            for (JsonNode port : neutron.list("ports", NeutronClient.q("device_id", instanceUuid), token)) {
                String id = port.path("id").asString();
                if (given.contains(id)) {
                    unbind(token, id);
                } else {
                    deleteQuietly(token, id);
                }
            }
        } catch (NeutronError e) {
            throw new NetworkFailure("The ports of " + instanceUuid + " could not be released: " + e.getMessage());
        }
    }

    @Override
    public void unbind(String instanceUuid) {
        String token = serviceToken.get();
        try {
            for (JsonNode port : neutron.list("ports", NeutronClient.q("device_id", instanceUuid), token)) {
                if (!port.path("binding:host_id").asString("").isEmpty()) {
                    ObjectNode unbound = Json.object().put("binding:host_id", "");
                    neutron.put("/ports/" + port.path("id").asString(), Map.of("port", unbound), token);
                }
            }
        } catch (NeutronError e) {
            throw new NetworkFailure("The ports of " + instanceUuid + " could not be unbound: " + e.getMessage());
        }
    }

    private void unbind(String token, String portId) {
        ObjectNode port = Json.object();
        port.put("device_id", "");
        port.put("device_owner", "");
        port.put("binding:host_id", "");
        neutron.put("/ports/" + portId, Map.of("port", port), token);
    }

    private void deleteQuietly(String token, String portId) {
        try {
            neutron.delete("/ports/" + portId, token);
        } catch (NeutronError e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    @Override
    public NetworkInfo refresh(String instanceUuid, Set<String> given) {
        String token = serviceToken.get();
        try {
            return info(token, neutron.list("ports", NeutronClient.q("device_id", instanceUuid), token), given,
                    Map.of());
        } catch (NeutronError e) {
            throw new NetworkFailure(e.getMessage());
        }
    }

    @Override
    public List<Port> ports(String instanceUuid) {
        try {
            List<Port> out = new ArrayList<>();
            for (JsonNode p : neutron.list("ports", NeutronClient.q("device_id", instanceUuid), serviceToken.get())) {
                List<FixedIp> ips = new ArrayList<>();
                p.path("fixed_ips").forEach(ip -> ips.add(new FixedIp(ip.path("subnet_id").asString(),
                        ip.path("ip_address").asString())));
                out.add(new Port(p.path("id").asString(), p.path("network_id").asString(),
                        p.path("mac_address").asString(), p.path("status").asString(), ips));
            }
            return out;
        } catch (NeutronError e) {
            throw unavailable(e);
        }
    }

    @Override
    public NetworkInfo.Vif attach(String callerToken, Binding binding, NetworkRequest request) {
        NetworkRequest checked;
        try {
            checked = checked(callerToken, List.of(request), 1).getFirst();
        } catch (NeutronError e) {
            throw unavailable(e);
        }
        String token = serviceToken.get();
        try {
            JsonNode port = checked.portId() != null ? bind(token, checked.portId(), binding)
                    : portOn(token, new ArrayList<>(), checked, binding, List.of());
            String id = port.path("id").asString();
            Map<String, String> tags = checked.tag() == null ? Map.of() : Map.of(id, checked.tag());
            return info(token, List.of(port), checked.portId() == null ? Set.of() : Set.of(id), tags)
                    .vifs().getFirst();
        } catch (NeutronError e) {
            throw e.status() == 409 || e.status() == 400
                    ? ApiException.badRequest(e.getMessage())
                    : unavailable(e);
        }
    }

    @Override
    public void detach(NetworkInfo.Vif vif) {
        String token = serviceToken.get();
        try {
            if (vif.preserve()) {
                unbind(token, vif.portId());
            } else {
                deleteQuietly(token, vif.portId());
            }
        } catch (NeutronError e) {
            throw unavailable(e);
        }
    }

    /** The NICs of {@code ports}, with their networks' names and floating IPs. */
    private NetworkInfo info(String token, List<JsonNode> ports, Set<String> given, Map<String, String> tags) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> groupNames = new HashMap<>();
        List<NetworkInfo.Vif> vifs = new ArrayList<>();
        for (JsonNode port : ports) {
            String id = port.path("id").asString();
            String networkId = port.path("network_id").asString();
            String name = names.computeIfAbsent(networkId,
                    n -> neutron.get("/networks/" + n, token).path("network").path("name").asString(n));
            List<NetworkInfo.Ip> ips = new ArrayList<>();
            port.path("fixed_ips").forEach(ip -> ips.add(ip(ip.path("ip_address").asString(), "fixed")));
            neutron.list("floatingips", NeutronClient.q("port_id", id), token).forEach(fip ->
                    ips.add(ip(fip.path("floating_ip_address").asString(), "floating")));
            List<String> groups = new ArrayList<>();
            port.path("security_groups").forEach(g -> groups.add(groupNames.computeIfAbsent(g.asString(),
                    sg -> neutron.get("/security-groups/" + sg, token).path("security_group").path("name").asString(sg))));
            vifs.add(new NetworkInfo.Vif(id, networkId, name, port.path("mac_address").asString(), ips,
                    given.contains(id), tags.get(id), groups));
        }
        return new NetworkInfo(vifs);
    }

    private static NetworkInfo.Ip ip(String address, String type) {
        return new NetworkInfo.Ip(address, address.contains(":") ? 6 : 4, type);
    }

    private static ApiException unavailable(NeutronError e) {
        return new ApiException(e.status() >= 500 ? 503 : e.status(), e.getMessage());
    }
}
