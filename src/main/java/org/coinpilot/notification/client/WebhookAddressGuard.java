package org.coinpilot.notification.client;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.coinpilot.notification.config.NotificationDeliveryConfig;

/**
 * The destination rules of webhooks (server-side request forgery): an absolute {@code https} URL without user info,
 * whose host is not, and does not resolve to, a loopback, private (RFC 1918, fc00::/7), link-local, shared (CGNAT
 * 100.64.0.0/10), unspecified, multicast or otherwise reserved address. Every address the name resolves to must
 * pass. Hosts listed in {@code coinpilot.notifications.webhook.allowed-private-hosts} skip the address rules.
 *
 * <p>Checked when the URL is saved and again before every send, on the addresses the send then connects to (so a
 * name re-pointed at a private address after it was saved, DNS rebinding, is refused). Name resolution is blocking
 * and runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class WebhookAddressGuard {

    /** Longest URL accepted (users.preferences strings are limited to 500 characters). */
    public static final int MAX_LENGTH = 500;

    private final Vertx vertx;
    private final Set<String> allowedHosts;

    public WebhookAddressGuard(Vertx vertx, NotificationDeliveryConfig config) {
        this.vertx = vertx;
        this.allowedHosts = config.webhook().allowedPrivateHosts().orElse(List.of()).stream()
                .map(WebhookAddressGuard::bare)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Where a checked URL connects.
     *
     * @param uri the URL
     * @param host its host name (brackets of an IPv6 literal removed)
     * @param port its port (443 when absent)
     * @param address the checked address to connect to
     */
    public record Destination(URI uri, String host, int port, InetAddress address) {

        /** Path and query, as sent in the request line. */
        public String requestUri() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    /** Checks the form of {@code url} and where it resolves; fails with {@link WebhookAddressException}. */
    public Uni<Destination> check(String url) {
        URI uri;
        String host;
        try {
            uri = parse(url);
            host = bare(uri.getHost());
        } catch (WebhookAddressException e) {
            return Uni.createFrom().failure(e);
        }
        int port = uri.getPort() < 0 ? 443 : uri.getPort();
        return vertx.executeBlocking(() -> resolve(host), false).map(addresses -> {
            if (!allowedHosts.contains(host)) {
                for (InetAddress address : addresses) {
                    if (isForbidden(address)) {
                        throw new WebhookAddressException(
                                "must not point at a private, loopback, link-local or reserved address ("
                                        + address.getHostAddress() + ")");
                    }
                }
            }
            return new Destination(uri, host, port, addresses[0]);
        });
    }

    /** The form rules, without resolving: absolute https URL with a host, no user info, at most 500 characters. */
    static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new WebhookAddressException("must not be blank");
        }
        if (url.length() > MAX_LENGTH) {
            throw new WebhookAddressException("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new WebhookAddressException("is not a valid URL");
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new WebhookAddressException("must be an absolute https:// URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new WebhookAddressException("must use https");
        }
        if (uri.getRawUserInfo() != null
                || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new WebhookAddressException("must not contain user info (credentials)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new WebhookAddressException("must name a valid host");
        }
        if (uri.getRawFragment() != null) {
            throw new WebhookAddressException("must not contain a fragment");
        }
        return uri;
    }

    private static InetAddress[] resolve(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            if (addresses.length == 0) {
                throw new WebhookAddressException("host does not resolve");
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new WebhookAddressException("host does not resolve");
        }
    }

    private static String bare(String host) {
        String lower = host.toLowerCase(Locale.ROOT).trim();
        if (lower.startsWith("[") && lower.endsWith("]")) {
            lower = lower.substring(1, lower.length() - 1);
        }
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** Whether a webhook may not connect to {@code address}. */
    public static boolean isForbidden(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isForbiddenV4(b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF);
        }
        if (address instanceof Inet6Address) {
            int b0 = b[0] & 0xFF;
            if ((b0 & 0xFE) == 0xFC // fc00::/7 unique local
                    || b0 == 0xFF // multicast
                    || (b0 == 0xFE && (b[1] & 0xC0) == 0x80) // fe80::/10 link-local
                    || (b0 == 0xFE && (b[1] & 0xC0) == 0xC0)) { // fec0::/10 site-local (deprecated)
                return true;
            }
            if (zero(b, 0, 12)) { // ::a.b.c.d (IPv4-compatible), incl. :: and ::1
                return isForbiddenV4(b[12] & 0xFF, b[13] & 0xFF, b[14] & 0xFF) || zero(b, 12, 16);
            }
            if (zero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) { // ::ffff:a.b.c.d
                return isForbiddenV4(b[12] & 0xFF, b[13] & 0xFF, b[14] & 0xFF);
            }
            if ((b0 == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B)
                    && zero(b, 4, 12)) { // 64:ff9b::/96 NAT64
                return isForbiddenV4(b[12] & 0xFF, b[13] & 0xFF, b[14] & 0xFF);
            }
        }
        return false;
    }

    private static boolean isForbiddenV4(int a, int b, int c) {
        return a == 0 // "this network"
                || a == 10 // RFC 1918
                || a == 127 // loopback
                || (a == 100 && (b & 0xC0) == 64) // 100.64.0.0/10 shared (CGNAT)
                || (a == 169 && b == 254) // link-local
                || (a == 172 && (b & 0xF0) == 16) // RFC 1918
                || (a == 192 && b == 168) // RFC 1918
                || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
                || (a == 198 && (b & 0xFE) == 18) // benchmarking 198.18.0.0/15
                || a >= 224; // multicast, reserved, broadcast
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
