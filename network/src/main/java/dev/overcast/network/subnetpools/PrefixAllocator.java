package dev.overcast.network.subnetpools;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.overcast.network.ipam.Cidr;
import dev.overcast.network.ipam.IpAddress;

/**
 * Carves subnets out of a pool's prefixes: the first aligned block of the asked size that
 * overlaps no subnet already carved. Pure; the caller holds the pool's row lock.
 */
final class PrefixAllocator {
    private PrefixAllocator() {
    }

    static Optional<Cidr> first(List<Cidr> prefixes, List<Cidr> allocated, int prefixlen) {
        List<Cidr> sorted = prefixes.stream().sorted(Comparator.comparing(Cidr::network)).toList();
        for (Cidr prefix : sorted) {
            if (prefixlen < prefix.prefix()) {
                continue;
            }
            int bits = prefix.version() == 4 ? 32 : 128;
            BigInteger size = BigInteger.ONE.shiftLeft(bits - prefixlen);
            BigInteger candidate = prefix.network().value();
            BigInteger end = prefix.last().value();
            while (candidate.add(size).subtract(BigInteger.ONE).compareTo(end) <= 0) {
                Cidr block = new Cidr(new IpAddress(prefix.version(), candidate), prefixlen);
                Optional<Cidr> clash = allocated.stream().filter(block::overlaps).findFirst();
                if (clash.isEmpty()) {
                    return Optional.of(block);
                }
                // Skip past the clashing subnet, to the next block boundary.
                BigInteger after = clash.get().last().value().add(BigInteger.ONE);
                BigInteger aligned = after.add(size).subtract(BigInteger.ONE).divide(size).multiply(size);
                candidate = aligned.max(candidate.add(size));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code cidr} lies inside one of the prefixes and clear of every allocated subnet. */
    static boolean fits(List<Cidr> prefixes, List<Cidr> allocated, Cidr cidr) {
        boolean inside = prefixes.stream().anyMatch(p -> p.prefix() <= cidr.prefix() && p.contains(cidr.network()));
        return inside && allocated.stream().noneMatch(cidr::overlaps);
    }
}
