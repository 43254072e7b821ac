package dev.overcast.orchestration.resources.neutron;

import java.util.List;

import dev.overcast.orchestration.resources.ResourcePlugin;

/** The OS::Neutron::* types this deployment offers. */
public final class NeutronTypes {
    private NeutronTypes() {
    }

    /** @return a plugin of each type */
    public static List<ResourcePlugin> plugins() {
        return List.of(new NeutronNet(), new NeutronSubnet(), new NeutronPort(), new NeutronSecurityGroup(),
                new NeutronSecurityGroupRule(), new NeutronRouter(), new NeutronRouterInterface(),
                new NeutronFloatingIP(), new NeutronFloatingIPAssociation());
    }
}
