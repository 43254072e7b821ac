package dev.overcast.compute.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A server's NICs as Compute last learned them from the Network service (Nova's instance info
 * cache): what {@code addresses}, {@code /ips} and the {@code ip} list filters show without asking
 * Network on every read.
 */
public record NetworkInfo(List<Vif> vifs) {
    public static final NetworkInfo EMPTY = new NetworkInfo(List.of());

    public NetworkInfo {
        vifs = vifs == null ? List.of() : List.copyOf(vifs);
    }

    /**
     * One NIC: a port.
     *
     * @param preserve       whether the port was the user's (given by id): detached, not deleted, with the server
     * @param securityGroups the names of the port's security groups
     */
    public record Vif(String portId, String networkId, String networkName, String mac, List<Ip> ips,
                      boolean preserve, String tag, List<String> securityGroups) {
        public Vif {
            ips = ips == null ? List.of() : List.copyOf(ips);
            securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        }
    }

    /** An address of a NIC; {@code type} is {@code fixed} or {@code floating}. */
    public record Ip(String address, int version, String type) {
    }

    public static NetworkInfo read(String json) {
        return json == null || json.isEmpty() ? EMPTY : Json.read(json, NetworkInfo.class);
    }

    public String write() {
        return Json.write(this);
    }

    public NetworkInfo with(Vif vif) {
        List<Vif> out = new ArrayList<>(vifs.stream().filter(v -> !v.portId().equals(vif.portId())).toList());
        out.add(vif);
        return new NetworkInfo(out);
    }

    public NetworkInfo without(String portId) {
        return new NetworkInfo(vifs.stream().filter(v -> !v.portId().equals(portId)).toList());
    }

    /** Nova's {@code addresses} as a show has them, with each address's type and MAC. */
    public ObjectNode addresses() {
        return addresses(true);
    }

    /**
     * Nova's {@code addresses}: by network name, fixed addresses then floating ones; {@code extended}
     * adds {@code OS-EXT-IPS:type} and {@code OS-EXT-IPS-MAC:mac_addr}, which a show and a list have
     * and {@code /ips}, an update's and a rebuild's brief answers do not.
     */
    public ObjectNode addresses(boolean extended) {
        Map<String, ArrayNode> byNetwork = new LinkedHashMap<>();
        for (Vif vif : vifs) {
            ArrayNode list = byNetwork.computeIfAbsent(vif.networkName(), k -> Json.array());
            for (Ip ip : vif.ips()) {
                ObjectNode a = list.addObject();
                a.put("version", ip.version());
                a.put("addr", ip.address());
                if (extended) {
                    a.put("OS-EXT-IPS:type", ip.type());
                    a.put("OS-EXT-IPS-MAC:mac_addr", vif.mac());
                }
            }
        }
        ObjectNode out = Json.object();
        byNetwork.forEach(out::set);
        return out;
    }

    /** The addresses of one network as {@code /ips/{network}} shows them (no type, no MAC), or null when none. */
    public ArrayNode addressesOn(String networkName) {
        ObjectNode all = addresses(false);
        return all.has(networkName) ? (ArrayNode) all.get(networkName) : null;
    }

    /** The names of the security groups of the server's ports, each once; empty without ports. */
    public List<String> securityGroups() {
        return vifs.stream().flatMap(v -> v.securityGroups().stream()).distinct().toList();
    }

    /** Every address of the server, for the {@code ip} and {@code ip6} list filters. */
    public List<Ip> ips() {
        return vifs.stream().flatMap(v -> v.ips().stream()).toList();
    }
}
