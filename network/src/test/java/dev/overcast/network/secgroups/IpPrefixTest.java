package dev.overcast.network.secgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.overcast.core.http.ApiException;

class IpPrefixTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.5, 10.0.0.5/32, 10.0.0.5/32",
        "10.0.0.5/24, 10.0.0.5/24, 10.0.0.0/24",
        "0.0.0.0/0, 0.0.0.0/0, 0.0.0.0/0",
        "::/0, ::/0, ::/0",
        "2001:DB8::1, 2001:db8::1/128, 2001:db8::1/128",
        "2001:0db8:0000:0000:0001:0000:0000:0001/64, 2001:db8::1:0:0:1/64, 2001:db8::/64",
        "1:0:1:1:1:1:1:1, 1:0:1:1:1:1:1:1/128, 1:0:1:1:1:1:1:1/128",
        "fe80::/10, fe80::/10, fe80::/10",
        "::ffff:10.1.2.3, ::ffff:10.1.2.3/128, ::ffff:10.1.2.3/128",
        "192.168.1.255/23, 192.168.1.255/23, 192.168.0.0/23"})
    void prefixesAreWrittenAsNeutronWritesThem(String given, String text, String cidr) {
        IpPrefix prefix = IpPrefix.parse(given);
        assertThat(prefix.text()).isEqualTo(text);
        assertThat(prefix.cidr()).isEqualTo(cidr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.256", "10.0.0.1/33", "01.0.0.1", "1:2:3:4:5:6:7:8:9", "1::2::3",
        "::/129", "localhost", "10.0.0.1/-1", "12345::", ":1::", "1.2.3.4::"})
    void whatIsNotAnAddressIsInvalidCidr(String given) {
        assertThatThrownBy(() -> IpPrefix.parse(given)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("InvalidCIDR"));
    }

    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    /** Any IPv6 address, written any way the JDK writes it, parses back to the same bytes. */
    @ParameterizedTest
    @MethodSource("seeds")
    void randomIpv6AddressesRoundTrip(int seed) throws Exception {
        Random random = new Random(seed);
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        // Runs of zero groups exercise "::".
        for (int i = 0; i < 16; i++) {
            if (random.nextInt(3) == 0) {
                bytes[i] = 0;
            }
        }
        String jdk = InetAddress.getByAddress(bytes).getHostAddress();
        IpPrefix parsed = IpPrefix.parse(jdk);
        assertThat(parsed.bytes()).isEqualTo(bytes);
        assertThat(IpPrefix.parse(parsed.text())).isEqualTo(parsed);
        assertThat(parsed.text()).doesNotContain(":::").doesNotMatch(".*::.*::.*");
    }
}
