package dev.overcast.network.ipam;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** A range of addresses, both ends included: an allocation pool. */
public record IpRange(IpAddress first, IpAddress last) {
    public IpRange {
        if (first.version() != last.version()) {
            throw new IllegalArgumentException("a range's ends must be of one IP version");
        }
    }

    public boolean isValid() {
        return first.compareTo(last) <= 0;
    }

    public boolean contains(IpAddress ip) {
        return ip.version() == first.version() && ip.compareTo(first) >= 0 && ip.compareTo(last) <= 0;
    }

    public boolean overlaps(IpRange other) {
        return first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
    }

    public BigInteger size() {
        return last.value().subtract(first.value()).add(BigInteger.ONE);
    }

    /** This range without {@code hole}: none, one or two ranges. */
    public List<IpRange> minus(IpAddress hole) {
        if (!contains(hole)) {
            return List.of(this);
        }
        List<IpRange> out = new ArrayList<>();
        if (hole.compareTo(first) > 0) {
            out.add(new IpRange(first, hole.plus(-1)));
        }
        if (hole.compareTo(last) < 0) {
            out.add(new IpRange(hole.plus(1), last));
        }
        return out;
    }

    /** As netaddr writes an IPRange, which is how Neutron's messages name a pool. */
    @Override
    public String toString() {
        return first + "-" + last;
    }
}
