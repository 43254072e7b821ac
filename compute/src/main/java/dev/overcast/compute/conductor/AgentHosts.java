package dev.overcast.compute.conductor;

import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.agent.AgentClient;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceFlavor;
import dev.overcast.compute.instances.PowerState;
import dev.overcast.compute.services.ServiceRecord;
import dev.overcast.compute.services.ServiceRecords;
import dev.overcast.compute.virt.InstanceSpec;
import dev.overcast.core.bus.BusException;
import dev.overcast.core.bus.RemoteError;

/** {@link ComputeHosts} over the compute agents' bus API, with host liveness from the service records. */
public final class AgentHosts implements ComputeHosts {
    private final ComputeContext ctx;
    private final AgentClient agents;

    public AgentHosts(ComputeContext ctx) {
        this.ctx = ctx;
        this.agents = new AgentClient(ctx.bus(), ctx.settings().rpcTimeout());
    }

    @Override
    public PowerState spawn(Instance i, Map<String, String> metadata) {
        InstanceFlavor f = i.flavor();
        InstanceSpec spec = new InstanceSpec(i.uuid(), i.instanceName(),
                new dev.overcast.compute.virt.InstanceFlavor(f.vcpus(), f.memoryMb(), f.rootGb(), f.ephemeralGb(),
                        f.swap()), i.imageRef(), i.userData(), i.keyData(), metadata);
        try {
            return agents.spawn(i.host(), i.node(), spec);
        } catch (RemoteError e) {
            throw new Refused(e.remoteMessage(), e.retryable());
        } catch (BusException e) {
            throw new HostUnreachable("host " + i.host() + " did not answer a spawn: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy(String host, String instanceUuid) {
        run(host, "destroy", () -> agents.destroy(host, instanceUuid));
    }

    @Override
    public void power(String host, String instanceUuid, PowerAction action) {
        run(host, action.name().toLowerCase(java.util.Locale.ROOT), () -> {
            switch (action) {
                case OFF -> agents.powerOff(host, instanceUuid);
                case ON -> agents.powerOn(host, instanceUuid);
                case SOFT_REBOOT -> agents.reboot(host, instanceUuid, false);
                case HARD_REBOOT -> agents.reboot(host, instanceUuid, true);
                case PAUSE -> agents.pause(host, instanceUuid);
                case UNPAUSE -> agents.unpause(host, instanceUuid);
                case SUSPEND -> agents.suspend(host, instanceUuid);
                case RESUME -> agents.resume(host, instanceUuid);
                case RESCUE -> agents.rescue(host, instanceUuid);
                case UNRESCUE -> agents.unrescue(host, instanceUuid);
            }
        });
    }

    @Override
    public String consoleOutput(String host, String instanceUuid, Integer lines) {
        try {
            return agents.consoleOutput(host, instanceUuid, lines);
        } catch (RemoteError e) {
            throw new Refused(e.remoteMessage(), false);
        } catch (BusException e) {
            throw new HostUnreachable("host " + host + " did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, PowerState> powerStates(String host) {
        try {
            Map<String, PowerState> out = new java.util.HashMap<>();
            agents.instances(host).forEach(i -> out.put(i.uuid(), i.powerState()));
            return out;
        } catch (BusException e) {
            throw new HostUnreachable("host " + host + " did not list its instances: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isUp(String host) {
        return ctx.cells().hosts().cellOf(host)
                .flatMap(cell -> new ServiceRecords(ctx.cells().db(cell), ctx.clock(), ctx.settings().serviceDownTime())
                        .byHostAndBinary(host, ServiceRecord.COMPUTE))
                .map(s -> s.isUp(ctx.clock().instant(), ctx.settings().serviceDownTime()))
                .orElse(false);
    }

    private static void run(String host, String what, Runnable call) {
        try {
            call.run();
        } catch (RemoteError e) {
            throw new Refused(e.remoteMessage(), false);
        } catch (BusException e) {
            throw new HostUnreachable("host " + host + " did not answer a " + what + ": " + e.getMessage(), e);
        }
    }
}
