package org.coinpilot.identity.domain;

import java.net.InetAddress;
import java.time.Instant;

/**
 * Who made a request and when: the client IP (null outside a request), its User-Agent (cut to 512 characters) and
 * the instant from the application clock. Recorded on sessions and audit rows.
 */
public record RequestOrigin(InetAddress ip, String userAgent, Instant at) {

    /**
     * The IP as text, or null; an IPv6 scope ({@code fe80::1%eth0}, a link-local peer) is left out: PostgreSQL's
     * {@code inet} refuses it, and it names an interface of this host, not the client.
     */
    public String ipText() {
        if (ip == null) {
            return null;
        }
        String text = ip.getHostAddress();
        int scope = text.indexOf('%');
        return scope < 0 ? text : text.substring(0, scope);
    }
}
