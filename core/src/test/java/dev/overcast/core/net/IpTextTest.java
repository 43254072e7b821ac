package dev.overcast.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpTextTest {
    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({"2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1", "0:0:0:0:0:0:0:0, ::", "::1, ::1",
            "fe80::, fe80::", "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1", "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:db8:1:1:1:1:0:1, 2001:db8:1:1:1:1:0:1", "0:0:0:0:0:ffff:102:304, ::ffff:1.2.3.4",
            "::babe:dc0c:1602, ::babe:dc0c:1602"})
    void ipv6IsWrittenAsNetaddrWritesIt(String given, String written) throws Exception {
        byte[] bytes = InetAddress.getByName(given).getAddress();
        if (bytes.length == 4) { // Java reads a mapped address as IPv4
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        assertThat(IpText.ipv6(bytes)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource({"4", "15", "17"})
    void onlySixteenBytesAreAnIpv6Address(int length) {
        assertThatThrownBy(() -> IpText.ipv6(new byte[length])).isInstanceOf(IllegalArgumentException.class);
    }
}
