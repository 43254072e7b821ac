package dev.overcast.network.l3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.overcast.network.ipam.Cidr;
import dev.overcast.network.ipam.IpAddress;

class IpTest {
    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anAddressIsInExactlyTheCidrsWhosePrefixItShares(long seed) {
        Random random = new Random(seed);
        long value = random.nextLong() & 0xffffffffL;
        int prefix = random.nextInt(33);
        String address = Ip.v4(java.math.BigInteger.valueOf(value));
        long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        String inside = Ip.v4(java.math.BigInteger.valueOf(value & mask)) + "/" + prefix;

        assertThat(Ip.inCidr(address, inside)).isTrue();
        if (prefix > 0) {
            long flipped = value ^ (1L << (32 - prefix));
            assertThat(Ip.inCidr(Ip.v4(java.math.BigInteger.valueOf(flipped)), inside)).isFalse();
        }
        assertThat(IpAddress.parse(address).orElseThrow().value().longValue()).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void cidrsOverlapExactlyWhenOneContainsTheOthersFirstAddress(long seed) {
        Random random = new Random(seed);
        String a = randomCidr(random);
        String b = randomCidr(random);
        Cidr ca = Ip.cidr(a);
        Cidr cb = Ip.cidr(b);
        boolean contains = ca.contains(cb.network()) || cb.contains(ca.network());

        assertThat(ca.overlaps(cb)).isEqualTo(contains).isEqualTo(cb.overlaps(ca));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.256", "01.2.3.4", "example.com", "localhost", "1.2.3.4/24", "::g",
            "1:2"})
    void textThatIsNotAnAddressLiteralIsNoAddress(String text) {
        assertThat(Ip.isAddress(text)).isFalse();
        assertThat(Ip.version(text)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::1", "::1", "fe80::a:b:c:d", "::ffff:1.2.3.4"})
    void ipv6LiteralsParse(String text) {
        assertThat(Ip.version(text)).isEqualTo(6);
        assertThat(Ip.inCidr(text, "::/0")).isTrue();
        assertThat(Ip.inCidr(text, "0.0.0.0/0")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0", "10.0.0.0/x", "nonsense/8"})
    void malformedCidrsAreNone(String text) {
        assertThat(Ip.cidr(text)).isNull();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyProjectsAutoAllocatedSubnetIsASlash26InTen(long seed) {
        String project = Long.toHexString(new Random(seed).nextLong());
        Cidr cidr = Ip.cidr(AutoAllocation.cidrFor(project));

        assertThat(cidr.prefix()).isEqualTo(26);
        assertThat(Ip.cidr("10.0.0.0/8").contains(cidr.network())).isTrue();
        assertThat(AutoAllocation.cidrFor(project)).isEqualTo(AutoAllocation.cidrFor(project));
    }

    private static String randomCidr(Random random) {
        // A small space so that overlaps happen often.
        long value = (10L << 24) | (random.nextInt(1 << 12) << 4);
        int prefix = 20 + random.nextInt(9);
        return Ip.v4(java.math.BigInteger.valueOf(value)) + "/" + prefix;
    }
}
