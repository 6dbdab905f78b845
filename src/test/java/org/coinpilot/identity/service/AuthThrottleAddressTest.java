package org.coinpilot.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The client-address key of the per-address limits ({@link AuthThrottle#address}). */
class AuthThrottleAddressTest {

    @Test
    void shouldKeyIpv6ClientsByTheirSlash64() throws Exception {
        String one = AuthThrottle.address(InetAddress.getByName("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        String two = AuthThrottle.address(InetAddress.getByName("2001:db8:1:2::1"));
        String neighbour = AuthThrottle.address(InetAddress.getByName("2001:db8:1:3::1"));

        assertThat(one).isEqualTo("2001:db8:1:2:0:0:0:0/64").isEqualTo(two);
        assertThat(neighbour).isEqualTo("2001:db8:1:3:0:0:0:0/64");
    }

    @Test
    void shouldKeyIpv4ClientsByTheirAddressAlsoWhenSeenAsIpv4MappedIpv6() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 192;
        mapped[13] = 0;
        mapped[14] = 2;
        mapped[15] = 7;
        // an Inet6Address holding ::ffff:192.0.2.7 (InetAddress.getByName would already return the IPv4 address)
        InetAddress asIpv6 = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(AuthThrottle.address(asIpv6)).isEqualTo("192.0.2.7");
        assertThat(AuthThrottle.address(InetAddress.getByName("::ffff:192.0.2.8")))
                .isEqualTo("192.0.2.8");
        assertThat(AuthThrottle.address(InetAddress.getByName("192.0.2.7"))).isEqualTo("192.0.2.7");
        // two IPv4 clients behind mapped addresses are two keys, not one all-zero /64
        mapped[15] = 8;
        assertThat(AuthThrottle.address(Inet6Address.getByAddress(null, mapped, -1)))
                .isEqualTo("192.0.2.8");
        assertThat(AuthThrottle.address(null)).isEmpty();
    }
}
