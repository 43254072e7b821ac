package dev.overcast.network.subnetpools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.overcast.network.ipam.Cidr;

class PrefixAllocatorTest {
    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow().normalized();
    }

    @Test
    void blocksAreCarvedInOrderAroundWhatIsTaken() {
        List<Cidr> prefixes = List.of(cidr("10.0.0.0/22"));
        List<Cidr> taken = new ArrayList<>(List.of(cidr("10.0.0.0/25"), cidr("10.0.1.0/24")));
        assertThat(PrefixAllocator.first(prefixes, taken, 24)).contains(cidr("10.0.2.0/24"));
        assertThat(PrefixAllocator.first(prefixes, taken, 26)).contains(cidr("10.0.0.128/26"));
        assertThat(PrefixAllocator.first(prefixes, taken, 21)).isEmpty();
        assertThat(PrefixAllocator.fits(prefixes, taken, cidr("10.0.3.0/24"))).isTrue();
        assertThat(PrefixAllocator.fits(prefixes, taken, cidr("10.0.1.128/25"))).isFalse();
        assertThat(PrefixAllocator.fits(prefixes, taken, cidr("10.1.0.0/24"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void carvedBlocksNeverOverlapAndStayInsideThePool(long seed) {
        Random random = new Random(seed);
        List<Cidr> prefixes = List.of(cidr("172.16.0.0/20"), cidr("192.168.0.0/23"));
        List<Cidr> taken = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int length = 22 + random.nextInt(7);
            var block = PrefixAllocator.first(prefixes, taken, length);
            if (block.isEmpty()) {
                continue;
            }
            assertThat(taken).noneMatch(block.get()::overlaps);
            assertThat(PrefixAllocator.fits(prefixes, taken, block.get())).isTrue();
            taken.add(block.get());
        }
        assertThat(taken).isNotEmpty();
    }
}
