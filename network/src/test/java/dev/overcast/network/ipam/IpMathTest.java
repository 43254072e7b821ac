package dev.overcast.network.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpMathTest {

    @Test
    void ipv6AddressesAreWrittenAsNetaddrWritesThem() {
        assertThat(ip("2001:0DB8:0000:0000:0000:0000:0000:0001")).hasToString("2001:db8::1");
        assertThat(ip("::")).hasToString("::");
        assertThat(ip("::1")).hasToString("::1");
        assertThat(ip("fe80::")).hasToString("fe80::");
        assertThat(ip("2001:db8:0:1:0:0:0:1")).hasToString("2001:db8:0:1::1");
        assertThat(ip("2001:db8:0:0:1:0:0:1")).hasToString("2001:db8::1:0:0:1");
        assertThat(ip("2001:db8:1:1:1:1:0:1")).hasToString("2001:db8:1:1:1:1:0:1");
        assertThat(ip("::ffff:0102:0304")).hasToString("::ffff:1.2.3.4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 10.0.0.1", "10.0.0", "10.0.0.256", "010.0.0.1", "host.example", "1::2::3", "fe80::1%eth0",
            "10.0.0.1/24"})
    void textThatIsNotALiteralAddressIsRefused(String text) {
        assertThat(IpAddress.parse(text)).isEmpty();
    }

    static Stream<Long> seeds() {
        return LongStreamHolder.SEEDS.stream();
    }

    /** Seeds for the property-style tests: fixed, so a failure repeats. */
    private static final class LongStreamHolder {
        static final List<Long> SEEDS = List.of(1L, 2L, 3L, 42L, 1234L, 99991L);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyAddressReadsBackFromItsText(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            int version = random.nextBoolean() ? 4 : 6;
            // Sparse IPv6 values exercise the zero-run compression.
            BigInteger value = new BigInteger(IpAddress.bits(version), random);
            if (version == 6 && random.nextBoolean()) {
                value = value.and(new BigInteger("ffff0000ffff00000000ffff0000ffff", 16));
            }
            IpAddress address = new IpAddress(version, value);
            assertThat(IpAddress.parse(address.toString())).contains(address);
        }
    }

    @Test
    void aCidrWithHostBitsIsNormalizedToItsNetwork() {
        Cidr.Parsed parsed = Cidr.parse("10.0.0.7/24").orElseThrow();
        assertThat(parsed.isNetwork()).isFalse();
        assertThat(parsed.normalized()).hasToString("10.0.0.0/24");
        assertThat(Cidr.parse("2001:db8::5/64").orElseThrow().normalized()).hasToString("2001:db8::/64");
        assertThat(Cidr.parse("10.0.0.0")).isEmpty();
        assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
    }

    @Test
    void anIpv4SubnetGivesPortsAllButItsNetworkAndBroadcastAddresses() {
        Cidr cidr = Cidr.parse("192.168.1.0/24").orElseThrow().normalized();
        assertThat(cidr.usable()).hasToString("192.168.1.1-192.168.1.254");
        assertThat(cidr.usable().minus(ip("192.168.1.1"))).extracting(Object::toString)
                .containsExactly("192.168.1.2-192.168.1.254");
        assertThat(Cidr.parse("2001:db8::/64").orElseThrow().normalized().usable())
                .hasToString("2001:db8::1-2001:db8::ffff:ffff:ffff:ffff");
    }

    @Test
    void aSlash24WithItsGatewayAtDotOneHas253AllocatableAddresses() {
        Cidr cidr = Cidr.parse("10.1.0.0/24").orElseThrow().normalized();
        List<IpRange> pools = cidr.usable().minus(ip("10.1.0.1"));
        assertThat(pools.stream().map(IpRange::size).reduce(BigInteger.ZERO, BigInteger::add)).isEqualTo(253);
        Set<IpAddress> taken = new HashSet<>(Set.of(ip("10.1.0.1")));
        for (int i = 0; i < 253; i++) {
            IpAddress next = AddressChooser.first(pools, taken).orElseThrow();
            assertThat(taken.add(next)).isTrue();
        }
        assertThat(AddressChooser.first(pools, taken)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theChooserNeverReturnsATakenAddressOrOneOutsideThePools(long seed) {
        Random random = new Random(seed);
        Cidr cidr = Cidr.parse("172.16.0.0/26").orElseThrow().normalized();
        List<IpRange> pools = List.of(new IpRange(ip("172.16.0.5"), ip("172.16.0.20")),
                new IpRange(ip("172.16.0.40"), ip("172.16.0.50")));
        Set<IpAddress> taken = new HashSet<>();
        IntStream.range(0, 30).forEach(i -> taken.add(cidr.network().plus(random.nextInt(64))));
        AddressChooser.first(pools, taken).ifPresentOrElse(chosen -> {
            assertThat(taken).doesNotContain(chosen);
            assertThat(pools.stream().anyMatch(p -> p.contains(chosen))).isTrue();
        }, () -> assertThat(pools.stream().allMatch(p -> IntStream.rangeClosed(0, p.size().intValue() - 1)
                .allMatch(i -> taken.contains(p.first().plus(i))))).isTrue());
    }

    @Test
    void slaacAddressesComeFromTheMacByEui64() {
        Cidr prefix = Cidr.parse("2001:db8:1::/64").orElseThrow().normalized();
        assertThat(Eui64.address(prefix, "fa:16:3e:11:22:33")).hasToString("2001:db8:1:0:f816:3eff:fe11:2233");
    }

    @Test
    void overlappingNetworksAndRangesAreDetected() {
        Cidr a = Cidr.parse("10.0.0.0/16").orElseThrow().normalized();
        Cidr b = Cidr.parse("10.0.5.0/24").orElseThrow().normalized();
        Cidr c = Cidr.parse("10.1.0.0/24").orElseThrow().normalized();
        assertThat(a.overlaps(b)).isTrue();
        assertThat(b.overlaps(a)).isTrue();
        assertThat(a.overlaps(c)).isFalse();
        assertThat(new IpRange(ip("10.0.0.2"), ip("10.0.0.9")).overlaps(new IpRange(ip("10.0.0.9"), ip("10.0.0.20"))))
                .isTrue();
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text).orElseThrow();
    }
}
