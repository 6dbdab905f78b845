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
 * with a port between 1 and 65535 when it names one, whose host is not, and does not resolve to, a loopback, private
 * (RFC 1918, fc00::/7), link-local, shared (CGNAT 100.64.0.0/10), unspecified, multicast or otherwise reserved
 * address. Every address the name resolves to must pass. Hosts listed in
 * {@code coinpilot.notifications.webhook.allowed-private-hosts} skip the address rules.
 *
 * <p>An IPv4 address must be written in its one canonical form, four decimal numbers without leading zeros
 * ({@code 127.0.0.1}). A host that a browser or another WHATWG URL parser reads as an IPv4 address in another form
 * (octal {@code 0177.0.0.1}, hexadecimal {@code 0x7f.1}, short {@code 127.1}, a single number {@code 2130706433}) is
 * refused: Java reads some of these differently (it takes {@code 0177.0.0.1} for the public 177.0.0.1), so the address
 * checked and the address another tool would reach could differ.
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
        checkAuthority(uri.getRawAuthority());
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new WebhookAddressException("must name a valid host");
        }
        if (uri.getRawFragment() != null) {
            throw new WebhookAddressException("must not contain a fragment");
        }
        return uri;
    }

    /**
     * The port (1–65535 when given) and the IPv4 form of the authority, read from its raw text: {@link URI} gives no
     * host for some forms ({@code 127.1}, {@code 0x7f.1}) and no port for an out-of-range one.
     */
    private static void checkAuthority(String authority) {
        if (authority == null) {
            return; // no host: refused by the caller
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        String port = null;
        int close = host.lastIndexOf(']');
        int colon = host.lastIndexOf(':');
        if (colon > close) {
            port = host.substring(colon + 1);
            host = host.substring(0, colon);
        }
        if (port != null && !port.isEmpty() && !validPort(port)) {
            throw new WebhookAddressException("must use a port between 1 and 65535");
        }
        if (!host.startsWith("[") && endsInNumber(host)) {
            long address = parseIpv4(host);
            if (address < 0) {
                throw new WebhookAddressException("has a host that is not a valid IPv4 address");
            }
            if (!host.equals(dotted(address))) {
                throw new WebhookAddressException(
                        "must write an IPv4 address as four decimal numbers without leading zeros (a.b.c.d)");
            }
        }
    }

    private static boolean validPort(String port) {
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int value = Integer.parseInt(port);
        return value >= 1 && value <= 65535;
    }

    /** The WHATWG URL Standard's "ends in a number": such a host is parsed as an IPv4 address, never as a name. */
    static boolean endsInNumber(String host) {
        List<String> parts = new java.util.ArrayList<>(List.of(host.split("\\.", -1)));
        if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        String last = parts.get(parts.size() - 1);
        if (!last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        return ipv4Number(last) >= 0;
    }

    /**
     * The WHATWG URL Standard's IPv4 parser: one to four parts, each decimal, octal (leading {@code 0}) or hexadecimal
     * ({@code 0x}); the last part fills the remaining bytes. Returns the address as an unsigned 32-bit value, or -1
     * where the standard fails.
     */
    static long parseIpv4(String host) {
        List<String> parts = new java.util.ArrayList<>(List.of(host.split("\\.", -1)));
        if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        if (parts.size() > 4) {
            return -1;
        }
        long[] numbers = new long[parts.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = ipv4Number(parts.get(i));
            if (numbers[i] < 0 || (i < numbers.length - 1 && numbers[i] > 255)) {
                return -1;
            }
        }
        long last = numbers[numbers.length - 1];
        if (last >= 1L << (8 * (5 - numbers.length))) {
            return -1;
        }
        long address = last;
        for (int i = 0; i < numbers.length - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return address;
    }

    /** One part of an IPv4 address as the WHATWG parser reads it, or -1 when it is not a number (or is huge). */
    private static long ipv4Number(String part) {
        if (part.isEmpty()) {
            return -1;
        }
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() >= 2 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return 0;
        }
        if (digits.length() > 12) {
            return -1; // more than 32 bits in any radix; the standard fails such a host as well
        }
        final int base = radix;
        if (!digits.chars().allMatch(c -> c < 128 && Character.digit(c, base) >= 0)) {
            return -1;
        }
        return Long.parseLong(digits, radix);
    }

    private static String dotted(long address) {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "."
                + (address & 0xFF);
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
