package dev.overcast.network.ports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.overcast.core.json.Json;
import dev.overcast.network.NeutronErrors;
import dev.overcast.network.api.Attributes;
import dev.overcast.network.ipam.Cidr;
import dev.overcast.network.ipam.IpAddress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads a port create or update body into a {@link PortSpec} or a {@link PortWriter.Change}, with Neutron's messages. */
final class PortInput {
    static final List<String> VNIC_TYPES = List.of("normal", "direct", "macvtap", "baremetal", "direct-physical",
            "virtio-forwarder", "smart-nic", "vdpa", "remote-managed");

    private PortInput() {
    }

    static PortSpec spec(ObjectNode body, String networkId, String projectId) {
        return new PortSpec(networkId, projectId,
                Attributes.string(body, "name", 255, ""),
                Attributes.string(body, "description", 255, ""),
                Attributes.bool(body, "admin_state_up", true),
                mac(body),
                Attributes.string(body, "device_id", 255, ""),
                Attributes.string(body, "device_owner", 255, ""),
                fixedIps(body),
                securityGroups(body),
                Attributes.bool(body, "port_security_enabled", null),
                pairs(body),
                Attributes.string(body, "binding:host_id", 255, ""),
                profile(body, "{}"),
                vnicType(body, "normal"),
                Attributes.bool(body, "propagate_uplink_status", false));
    }

    static PortWriter.Change change(ObjectNode body) {
        return new PortWriter.Change(
                Attributes.string(body, "name", 255, null),
                Attributes.string(body, "description", 255, null),
                Attributes.bool(body, "admin_state_up", null),
                mac(body),
                Attributes.string(body, "device_id", 255, null),
                Attributes.string(body, "device_owner", 255, null),
                fixedIps(body),
                securityGroups(body),
                Attributes.bool(body, "port_security_enabled", null),
                body.has("allowed_address_pairs") ? pairs(body) : null,
                Attributes.string(body, "binding:host_id", 255, null),
                profile(body, null),
                vnicType(body, null),
                Attributes.bool(body, "propagate_uplink_status", null));
    }

    /** Only an empty list: Overcast's simulated DHCP serves no extra options. */
    static void noExtraDhcpOptions(ObjectNode body) {
        JsonNode opts = body.get("extra_dhcp_opts");
        if (opts != null && !opts.isNull() && !(opts.isArray() && opts.isEmpty())) {
            throw NeutronErrors.of(400, "HTTPBadRequest", "extra_dhcp_opts are not supported by this cloud.");
        }
    }

    private static String mac(ObjectNode body) {
        String mac = Attributes.string(body, "mac_address", 32, null);
        return mac == null ? null : MacAddresses.normalize(mac, "mac_address");
    }

    private static List<FixedIpRequest> fixedIps(ObjectNode body) {
        if (body.has("fixed_ips") && body.get("fixed_ips").isNull()) {
            return null;
        }
        return Attributes.list(body, "fixed_ips", item -> {
            if (!item.isObject() || item.isEmpty()) {
                throw Attributes.invalid("fixed_ips", "'" + Attributes.show(item) + "' is not a valid fixed IP");
            }
            Set<String> keys = new HashSet<>(item.propertyNames());
            keys.removeAll(Set.of("subnet_id", "ip_address"));
            if (!keys.isEmpty()) {
                throw Attributes.invalid("fixed_ips", "Unrecognized attribute(s) '" + String.join(", ", keys) + "'");
            }
            String subnet = null;
            if (item.has("subnet_id")) {
                if (!item.get("subnet_id").isString()) {
                    throw Attributes.invalid("fixed_ips", "'" + Attributes.show(item.get("subnet_id"))
                            + "' is not a valid UUID");
                }
                subnet = item.get("subnet_id").asString();
            }
            IpAddress ip = null;
            if (item.has("ip_address")) {
                JsonNode v = item.get("ip_address");
                ip = (v.isString() ? IpAddress.parse(v.asString()) : java.util.Optional.<IpAddress>empty()).orElseThrow(
                        () -> Attributes.invalid("fixed_ips", "'" + Attributes.show(v) + "' is not a valid IP address"));
            }
            return new FixedIpRequest(subnet, ip);
        }, null);
    }

    private static List<String> securityGroups(ObjectNode body) {
        if (body.has("security_groups") && body.get("security_groups").isNull()) {
            return List.of();
        }
        List<String> groups = Attributes.list(body, "security_groups", Attributes.stringItem("security_groups"), null);
        return groups == null ? null : List.copyOf(new java.util.LinkedHashSet<>(groups));
    }

    private static List<AddressPair> pairs(ObjectNode body) {
        List<AddressPair> pairs = Attributes.list(body, "allowed_address_pairs", item -> {
            if (!item.isObject()) {
                throw Attributes.invalid("allowed_address_pairs", "'" + Attributes.show(item) + "' is not a dictionary");
            }
            if (!item.has("ip_address")) {
                throw NeutronErrors.of(400, "AllowedAddressPairsMissingIP", "AllowedAddressPair must contain ip_address");
            }
            for (String key : item.propertyNames()) {
                if (!key.equals("ip_address") && !key.equals("mac_address")) {
                    throw NeutronErrors.of(400, "HTTPBadRequest", "Unrecognized attribute(s) '" + key + "'");
                }
            }
            String ip = item.get("ip_address").asString("");
            String normalized = IpAddress.parse(ip).map(IpAddress::toString)
                    .or(() -> Cidr.parse(ip).map(p -> p.address() + "/" + p.prefix()))
                    .orElseThrow(() -> Attributes.invalid("allowed_address_pairs",
                            "'" + ip + "' is neither a valid IP address, nor is it a valid IP subnet"));
            String mac = item.has("mac_address") && !item.get("mac_address").isNull()
                    ? MacAddresses.normalize(item.get("mac_address").asString(""), "allowed_address_pairs") : null;
            return new AddressPair(normalized, mac);
        }, List.of());
        Set<AddressPair> seen = new HashSet<>();
        for (AddressPair p : pairs) {
            if (!seen.add(p)) {
                throw NeutronErrors.of(400, "DuplicateAddressPairInRequest", "Request contains duplicate address pair:"
                        + " mac_address " + p.macAddress() + " ip_address " + p.ipAddress() + ".");
            }
        }
        return new ArrayList<>(pairs);
    }

    private static String profile(ObjectNode body, String fallback) {
        JsonNode v = body.get("binding:profile");
        if (v == null) {
            return fallback;
        }
        if (v.isNull()) {
            return "{}";
        }
        if (!v.isObject()) {
            throw Attributes.invalid("binding:profile", "'" + Attributes.show(v) + "' is not a dictionary");
        }
        return Json.write(v);
    }

    private static String vnicType(ObjectNode body, String fallback) {
        String v = Attributes.string(body, "binding:vnic_type", 64, fallback);
        if (v != null && !VNIC_TYPES.contains(v)) {
            throw Attributes.invalid("binding:vnic_type", "'" + v + "' is not in " + VNIC_TYPES.stream()
                    .map(t -> "'" + t + "'").toList().toString());
        }
        return v;
    }
}
