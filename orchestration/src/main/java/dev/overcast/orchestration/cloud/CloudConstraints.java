package dev.overcast.orchestration.cloud;

import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.template.functions.Py;
import dev.overcast.orchestration.template.parameters.CustomConstraintLookup;
import dev.overcast.orchestration.template.parameters.CustomConstraintResult;

/**
 * Heat's custom parameter constraints that ask the cloud, checked as the user whose request is
 * being validated (with that user's own token, so a value is valid only when the user can see
 * it): {@code nova.flavor}, {@code nova.keypair}, {@code nova.server}, {@code glance.image} and
 * {@code neutron.network}, {@code neutron.subnet}, {@code neutron.port}, {@code neutron.router},
 * {@code neutron.security_group}, {@code neutron.subnetpool}.
 * A cloud that cannot answer makes the value invalid with its reason, never a server error.
 */
public final class CloudConstraints implements CustomConstraintLookup {
    private final Cloud cloud;
    private final String token;

    /** @param token the requesting user's token */
    public CloudConstraints(Cloud cloud, String token) {
        this.cloud = cloud;
        this.token = token;
    }

    @Override
    public CustomConstraintResult check(String constraint, Object value) {
        String text = Py.str(value);
        try {
            return switch (constraint) {
                case "nova.flavor" -> found(Lookups.flavor(compute(), text).isPresent(), value, "Flavor");
                case "nova.keypair" -> found(Lookups.keypair(compute(), text), value, "Key");
                case "nova.server" -> found(Lookups.server(compute(), text).isPresent(), value, "Server");
                case "neutron.network" -> neutron(Lookups.NeutronEntity.NETWORK, text);
                case "neutron.subnet" -> neutron(Lookups.NeutronEntity.SUBNET, text);
                case "neutron.port" -> neutron(Lookups.NeutronEntity.PORT, text);
                case "neutron.router" -> neutron(Lookups.NeutronEntity.ROUTER, text);
                case "neutron.security_group" -> neutron(Lookups.NeutronEntity.SECURITY_GROUP, text);
                case "neutron.subnetpool" -> neutron(Lookups.NeutronEntity.SUBNETPOOL, text);
                case "glance.image" -> Lookups.image(cloud.client(Cloud.Service.IMAGE, token), text).isPresent()
                        ? new CustomConstraintResult.Valid()
                        : CustomConstraintResult.failed(value, "No image matching {'name': '" + text + "'}.");
                default -> new CustomConstraintResult.Unknown();
            };
        } catch (ResourceFailure e) {
            return CustomConstraintResult.failed(value, e.getMessage());
        }
    }

    private CustomConstraintResult neutron(Lookups.NeutronEntity kind, String text) {
        Lookups.requireNeutron(cloud.client(Cloud.Service.NETWORK, token), kind, text);
        return new CustomConstraintResult.Valid();
    }

    private ServiceClient compute() {
        return cloud.client(Cloud.Service.COMPUTE, token);
    }

    private static CustomConstraintResult found(boolean found, Object value, String entity) {
        return found ? new CustomConstraintResult.Valid()
                : CustomConstraintResult.failed(value, "The " + entity + " (" + Py.str(value) + ") could not be found.");
    }
}
