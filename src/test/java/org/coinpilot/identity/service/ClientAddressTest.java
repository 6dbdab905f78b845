package org.coinpilot.identity.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.List;
import java.util.Optional;
import org.coinpilot.identity.config.IdentityConfig;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress resolver = resolver("10.0.0.0/8", "::1");

    @Test
    void shouldIgnoreXForwardedForWhenThePeerIsNotATrustedProxy() {
        assertThat(resolver.ip(request("198.51.100.7", "203.0.113.1")).getHostAddress())
                .isEqualTo("198.51.100.7");
    }

    @Test
    void shouldTakeTheRightmostUntrustedAddressWhenBehindTrustedProxies() {
        // the client wrote 1.1.1.1 itself; the edge proxy appended the real peer 203.0.113.9, an inner proxy 10.2.2.2
        assertThat(resolver.ip(request("10.0.0.1", "1.1.1.1, 203.0.113.9, 10.2.2.2"))
                        .getHostAddress())
                .isEqualTo("203.0.113.9");
    }

    @Test
    void shouldStopAtGarbageWhenAHeaderEntryIsNotAnAddress() {
        assertThat(resolver.ip(request("10.0.0.1", "203.0.113.9, evil.example.com"))
                        .getHostAddress())
                .isEqualTo("10.0.0.1");
        assertThat(ClientAddress.literal("evil:host")).isNull();
        assertThat(ClientAddress.literal("2001:db8::1")).isNotNull();
    }

    @Test
    void shouldReadAddressesWithAPortWhenAProxyAppendsIt() {
        assertThat(resolver.ip(request("10.0.0.1", "203.0.113.9:4711")).getHostAddress())
                .isEqualTo("203.0.113.9");
        assertThat(resolver.ip(request("10.0.0.1", "1.1.1.1, [2001:db8::5]:443, 10.2.2.2:80"))
                        .getHostAddress())
                .isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(resolver.ip(request("10.0.0.1", "[2001:db8::6]")).getHostAddress())
                .isEqualTo("2001:db8:0:0:0:0:0:6");
        // a port that is no port is garbage: stop at the proxy
        assertThat(resolver.ip(request("10.0.0.1", "203.0.113.9:http")).getHostAddress())
                .isEqualTo("10.0.0.1");
    }

    @Test
    void shouldAcceptOnlyAddressLiteralsAndNeverLookANameUp() {
        assertThat(ClientAddress.literal("999.1.1.1")).isNull();
        assertThat(ClientAddress.literal("1.2.3")).isNull();
        assertThat(ClientAddress.literal("localhost")).isNull();
        assertThat(ClientAddress.literal("192.0.2.1").getHostAddress()).isEqualTo("192.0.2.1");
        assertThat(ClientAddress.literal("[::1]").isLoopbackAddress()).isTrue();
    }

    @Test
    void shouldDropTheScopeOfALinkLocalIpv6Address() {
        assertThat(ClientAddress.literal("fe80::1%1").getHostAddress()).isEqualTo("fe80:0:0:0:0:0:0:1");
        assertThat(ClientAddress.literal("fe80::1%eth0").getHostAddress()).isEqualTo("fe80:0:0:0:0:0:0:1");
    }

    private static ClientAddress resolver(String... trusted) {
        IdentityConfig config = mock(IdentityConfig.class, RETURNS_DEEP_STUBS);
        when(config.trustedProxies()).thenReturn(Optional.of(List.of(trusted)));
        return new ClientAddress(null, config, java.time.Clock.systemUTC());
    }

    private static HttpServerRequest request(String peer, String forwardedFor) {
        HttpServerRequest request = mock(HttpServerRequest.class);
        when(request.remoteAddress()).thenReturn(SocketAddress.inetSocketAddress(40000, peer));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (forwardedFor != null) {
            headers.add("X-Forwarded-For", forwardedFor);
        }
        when(request.headers()).thenReturn(headers);
        return request;
    }
}
