package dev.overcast.network.ports;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Neutron's default rules for ports (secure RBAC). Members manage their project's ports; the
 * network's owner chooses addresses and MACs on it; bindings are for admins and the service
 * that owns the device (compute, with an admin or service token); {@code network:*} owners
 * (DHCP, routers) are for admins and the network's owner.
 */
public final class PortRules {
    private PortRules() {
    }

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("network_device", "'True':%(network_device)s");
        String owner = "rule:admin_only or rule:network_owner";
        String service = "rule:admin_only or rule:service_api";
        r.put("create_port", "rule:admin_or_project_member or rule:service_api");
        r.put("get_port", "rule:admin_or_project_reader or rule:service_api");
        r.put("update_port", "rule:admin_or_project_member or rule:service_api");
        r.put("delete_port", "rule:admin_or_project_member or rule:service_api or rule:network_owner");
        for (String action : new String[] {"create_port", "update_port"}) {
            r.put(action + ":device_owner", "not rule:network_device or rule:service_api or " + owner);
            r.put(action + ":fixed_ips:ip_address", owner + " or rule:service_api");
            r.put(action + ":fixed_ips:subnet_id", owner + " or rule:service_api or rule:network_shared");
            r.put(action + ":port_security_enabled", owner + " or rule:service_api");
            r.put(action + ":binding:host_id", service);
            r.put(action + ":binding:profile", service);
            r.put(action + ":binding:vnic_type", "rule:admin_or_project_member or rule:service_api");
            r.put(action + ":allowed_address_pairs", owner);
        }
        r.put("create_port:mac_address", owner + " or rule:service_api");
        r.put("update_port:mac_address", service);
        for (String attribute : new String[] {"binding:host_id", "binding:profile", "binding:vif_type",
                "binding:vif_details"}) {
            r.put("get_port:" + attribute, service);
        }
        return r;
    }
}
