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

    private static ClientAddress resolver(String... trusted) {
        IdentityConfig config = mock(IdentityConfig.class, RETURNS_DEEP_STUBS);
        when(config.trustedProxies()).thenReturn(Optional.of(List.of(trusted)));
        return new ClientAddress(null, config, java.time.Clock.systemUTC());
    }

    private static HttpServerRequest request(String peer, String forwardedFor) {
        HttpServerRequest request = mock(HttpServerRequest.class);
        when(request.remoteAddress()).thenReturn(SocketAddress.inetSocketAddress(40000, peer));
        when(request.headers()).thenReturn(MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-For", forwardedFor));
        return request;
    }
}
