package dev.overcast.compute.virt.fake;

import dev.overcast.compute.instances.PowerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.overcast.compute.virt.InstanceFlavor;
import dev.overcast.compute.virt.InstanceInfo;
import dev.overcast.compute.virt.InstanceSpec;

/**
 * One simulated instance: its power state and its console log, which grows as a real guest's
 * would on each boot, reboot and shutdown. Guarded by its own monitor.
 */
final class FakeInstance {
    final String uuid;
    final String name;
    final String host;
    final String node;
    final InstanceFlavor flavor;
    final Instant createdAt;
    volatile PowerState powerState = PowerState.RUNNING;
    private final List<String> console = new ArrayList<>();
    private int boots;

    FakeInstance(String uuid, String name, String host, String node, InstanceFlavor flavor, Instant createdAt) {
        this.uuid = uuid;
        this.name = name;
        this.host = host;
        this.node = node;
        this.flavor = flavor;
        this.createdAt = createdAt;
    }

    synchronized void boot(InstanceSpec spec) {
        boots++;
        console.add("[    0.000000] Linux version 6.1.0-overcast-fake (builder@overcast) #1 SMP PREEMPT_DYNAMIC");
        console.add("[    0.000000] Command line: BOOT_IMAGE=/vmlinuz root=LABEL=cloudimg-rootfs ro console=ttyS0");
        console.add("[    0.000000] Memory: " + flavor.memoryMb() * 1024 + "K available");
        console.add("[    0.010000] smpboot: Allowing " + flavor.vcpus() + " CPUs, 0 hotplug CPUs");
        console.add("[    0.420000] virtio_blk virtio1: [vda] " + (long) flavor.rootGb() * 2097152
                + " 512-byte logical blocks");
        console.add("[    1.100000] EXT4-fs (vda1): mounted filesystem with ordered data mode.");
        console.add("[    2.000000] cloud-init[412]: Cloud-init v. 24.1 running 'init' (boot " + boots + ")");
        console.add("[    2.100000] cloud-init[412]: instance-id: " + uuid);
        console.add("[    2.200000] cloud-init[412]: local-hostname: " + name);
        if (spec != null && spec.keyData() != null) {
            console.add("[    2.300000] cloud-init[412]: Authorized keys from /home/cloud-user/.ssh/authorized_keys");
        }
        console.add("[    3.000000] cloud-init[530]: Cloud-init v. 24.1 finished. Datasource DataSourceNoCloud.");
        console.add("");
        console.add(name + " login: ");
        powerState = PowerState.RUNNING;
    }

    synchronized PowerState powerOff() {
        if (powerState != PowerState.SHUTDOWN) {
            console.add("[  OK  ] Reached target System Power Off.");
            console.add("[ 1234.500000] reboot: Power down");
            powerState = PowerState.SHUTDOWN;
        }
        return powerState;
    }

    /** Puts the instance in {@code state} as found on a host whose agent restarted. */
    synchronized void resumeAs(PowerState state, InstanceSpec spec) {
        if (state == PowerState.RUNNING) {
            boot(spec);
        }
        powerState = state;
    }

    synchronized PowerState pause() {
        powerState = PowerState.PAUSED;
        return powerState;
    }

    synchronized PowerState unpause() {
        powerState = PowerState.RUNNING;
        return powerState;
    }

    synchronized PowerState suspend() {
        if (powerState != PowerState.SUSPENDED) {
            console.add("[ 1234.500000] PM: suspend entry (deep)");
            powerState = PowerState.SUSPENDED;
        }
        return powerState;
    }

    synchronized PowerState resume() {
        if (powerState == PowerState.SUSPENDED) {
            console.add("[ 1234.600000] PM: suspend exit");
        }
        powerState = PowerState.RUNNING;
        return powerState;
    }

    synchronized PowerState rescue() {
        console.add("[ 1234.500000] reboot: Restarting system");
        console.add("[    0.000000] Linux version 6.1.0-overcast-fake (builder@overcast) #1 SMP PREEMPT_DYNAMIC");
        console.add("[    0.000000] Command line: BOOT_IMAGE=/vmlinuz root=LABEL=rescue ro console=ttyS0");
        console.add("[    1.100000] EXT4-fs (vda1): mounted filesystem with ordered data mode.");
        console.add("[    1.200000] rescue: the instance's own disk is /dev/vdb");
        console.add("");
        console.add(name + " login: ");
        powerState = PowerState.RUNNING;
        return powerState;
    }

    synchronized PowerState unrescue() {
        console.add("[ 1234.500000] reboot: Restarting system");
        boot(null);
        return powerState;
    }

    synchronized PowerState powerOn() {
        if (powerState != PowerState.RUNNING) {
            boot(null);
        }
        return powerState;
    }

    synchronized PowerState reboot(boolean hard) {
        if (!hard && powerState == PowerState.RUNNING) {
            console.add("[  OK  ] Reached target Reboot.");
            console.add("[ 1234.500000] reboot: Restarting system");
        }
        boot(null);
        return powerState;
    }

    synchronized String console() {
        return String.join("\n", console) + "\n";
    }

    InstanceInfo info() {
        return new InstanceInfo(uuid, name, host, node, powerState, flavor);
    }
}
