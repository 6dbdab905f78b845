package org.coinpilot.identity.service;

import io.netty.util.NetUtil;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.coinpilot.common.time.Times;
import org.coinpilot.identity.config.IdentityConfig;
import org.coinpilot.identity.domain.RequestOrigin;

/**
 * The client of the current request: its IP address and user agent. {@code X-Forwarded-For} is believed only
 * when the TCP peer is a configured trusted proxy, and then read from the right: the first address that is not
 * itself a trusted proxy is the client (entries a client wrote on the left cannot spoof it).
 */
@ApplicationScoped
public class ClientAddress {

    static final int MAX_USER_AGENT = 512;
    private static final Pattern PORT = Pattern.compile(":\\d{1,5}");

    private final CurrentVertxRequest current;
    private final List<Cidr> trusted;
    private final Clock clock;

    public ClientAddress(CurrentVertxRequest current, IdentityConfig config, Clock clock) {
        this.current = current;
        this.clock = clock;
        this.trusted = config.trustedProxies().orElse(List.of()).stream()
                .filter(s -> !s.isBlank())
                .map(Cidr::parse)
                .toList();
    }

    /** The client IP and User-Agent of the current request (nulls outside a request), and the clock's now. */
    public RequestOrigin origin() {
        return new RequestOrigin(ip(), userAgent(), Times.now(clock));
    }

    /** The client IP of the current request, or null outside a request. */
    public InetAddress ip() {
        HttpServerRequest request = request();
        return request == null ? null : ip(request);
    }

    /** The client IP of {@code request}. */
    public InetAddress ip(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        InetAddress peer = remote == null ? null : literal(remote.hostAddress());
        if (peer == null || !isTrusted(peer)) {
            return peer;
        }
        List<String> forwarded = new ArrayList<>();
        for (String header : request.headers().getAll("X-Forwarded-For")) {
            for (String part : header.split(",")) {
                if (!part.isBlank()) {
                    forwarded.add(part.strip());
                }
            }
        }
        InetAddress client = peer;
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            InetAddress hop = forwardedEntry(forwarded.get(i));
            if (hop == null) {
                break; // garbage: stop at the last address we could read
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    /** The User-Agent of the current request, cut to 512 characters; null outside a request. */
    public String userAgent() {
        HttpServerRequest request = request();
        if (request == null) {
            return null;
        }
        String agent = request.getHeader("User-Agent");
        return agent == null || agent.length() <= MAX_USER_AGENT ? agent : agent.substring(0, MAX_USER_AGENT);
    }

    private HttpServerRequest request() {
        RoutingContext context = current.getCurrent();
        return context == null ? null : context.request();
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr cidr : trusted) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses an IP address literal only, never a DNS lookup: dotted-decimal IPv4 (each part 0-255) or IPv6, optionally
     * in brackets; an IPv6 scope ({@code %eth0}) is dropped (it names an interface of this host, and PostgreSQL's
     * {@code inet} refuses it); null when the text is not a literal (a host name, {@code 999.1.1.1}).
     */
    static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(value);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes); // from raw bytes: never a lookup, no scope
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * One {@code X-Forwarded-For} entry: an address, {@code ip:port} or {@code [ipv6]:port} (some proxies append the
     * client's port); null when it is none of these.
     */
    static InetAddress forwardedEntry(String text) {
        String value = text.strip();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return null;
            }
            String rest = value.substring(close + 1);
            if (!rest.isEmpty() && !PORT.matcher(rest).matches()) {
                return null;
            }
            return literal(value.substring(1, close));
        }
        int colon = value.indexOf(':');
        if (colon > 0 && colon == value.lastIndexOf(':')) {
            if (!PORT.matcher(value.substring(colon)).matches()) {
                return null;
            }
            value = value.substring(0, colon); // IPv4 with a port
        }
        return literal(value);
    }

    /** An address block such as 10.0.0.0/8, ::1/128 or a single address. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.strip().split("/");
            InetAddress address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("Not an IP address or CIDR block: " + text);
            }
            int bits = address.getAddress().length * 8;
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE
                    .shiftLeft(bits)
                    .subtract(BigInteger.ONE)
                    .shiftRight(prefix)
                    .not();
            return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
