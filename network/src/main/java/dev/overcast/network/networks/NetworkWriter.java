package dev.overcast.network.networks;

import java.util.Objects;
import java.util.UUID;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.json.Json;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.NeutronErrors;
import dev.overcast.network.QuotaCheck;
import dev.overcast.network.api.Attributes;

/**
 * Creates networks inside the caller's transaction, with the rules that hold whoever asks (the
 * quota, a free segment, the MTU the segment carries); policy is the caller's business.
 *
 * <p>Without provider attributes a network gets a VXLAN segment with the lowest free VNI, as
 * ML2 allocates tenant networks, and the MTU that leaves room for VXLAN's 50 bytes. Creates of
 * one segment type choose under that type's row lock in {@code segment_locks}, one after another;
 * the unique segment key is the backstop.
 */
public final class NetworkWriter {
    private final NetworkContext ctx;
    private final QuotaCheck quotas;

    public NetworkWriter(NetworkContext ctx, QuotaCheck quotas) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    /** Creates the network; 409 for a taken segment or OverQuota, 400 for a bad segment or MTU. */
    public NetworkRow create(Handle h, NetworkSpec spec) {
        if (spec.isDefault() && !spec.external()) {
            throw NeutronErrors.invalidInput("is_default can only be set on an external network");
        }
        Segment wanted = requested(spec);
        quotas.check(h, spec.projectId(), "network", 1);
        Segment segment = allocate(h, wanted);
        int max = segment.maxMtu(ctx.settings().globalMtu());
        int mtu = spec.mtu() == null ? max : checkMtu(spec.mtu(), max);
        var now = ctx.clock().instant();
        NetworkRow n = new NetworkRow(UUID.randomUUID().toString(), spec.name(), spec.projectId(), spec.adminStateUp(),
                "ACTIVE", spec.shared(), spec.external(), spec.isDefault(), mtu, spec.portSecurityEnabled(),
                Json.write(spec.availabilityZoneHints()), segment.type(), segment.physicalNetwork(),
                segment.segmentationId(), segment.key(), spec.description(), now, now, 0);
        NetworkStore.insert(h, n);
        return n;
    }

    /**
     * Deletes the network with its subnets and its DHCP ports; any other port on it (a server's,
     * a router's, a floating IP's) is a 409 NetworkInUse. Nothing when it is gone.
     */
    public void delete(Handle h, String id) {
        if (NetworkStore.lock(h, id).isEmpty()) {
            return;
        }
        if (NetworkStore.portsInUse(h, id) > 0) {
            throw NeutronErrors.conflict("NetworkInUse", "Unable to complete operation on network " + id
                    + ". There are one or more ports still in use on the network.");
        }
        NetworkStore.deleteContents(h, id);
        dev.overcast.network.tags.TagStore.removeAll(h, "networks", id);
        NetworkStore.delete(h, id);
    }

    private static Segment requested(NetworkSpec spec) {
        if (spec.networkType() == null) {
            if (spec.physicalNetwork() != null || spec.segmentationId() != null) {
                throw NeutronErrors.invalidInput("network_type required");
            }
            return new Segment("vxlan", null, null);
        }
        return Segment.requested(spec.networkType(), spec.physicalNetwork(), spec.segmentationId());
    }

    /** The segment with its id: the one asked for if free, else the lowest free id of its type. */
    private static Segment allocate(Handle h, Segment wanted) {
        h.createQuery("select network_type from segment_locks where network_type = :t for update")
                .bind("t", wanted.type()).mapTo(String.class).findOne();
        if (!wanted.needsId()) {
            if (wanted.key() != null && NetworkStore.segmentKeyTaken(h, wanted.key())) {
                throw wanted.inUse();
            }
            return wanted;
        }
        int next = 1;
        for (int used : NetworkStore.segmentationIds(h, wanted.type(), wanted.physicalNetwork())) {
            if (used > next) {
                break;
            }
            next = used + 1;
        }
        if (next > wanted.maxId()) {
            throw NeutronErrors.conflict("NoNetworkAvailable",
                    "Unable to create the network. No tenant network is available for allocation.");
        }
        return new Segment(wanted.type(), wanted.physicalNetwork(), next);
    }

    static int checkMtu(int mtu, int max) {
        if (mtu < 68) {
            throw Attributes.invalid("mtu", "'" + mtu + "' is too small - must be at least '68'");
        }
        if (mtu > max) {
            throw NeutronErrors.invalidInput("Requested MTU is too big, maximum is " + max);
        }
        return mtu;
    }
}
