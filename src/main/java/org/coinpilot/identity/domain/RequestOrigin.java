package org.coinpilot.identity.domain;

import java.net.InetAddress;
import java.time.Instant;

/**
 * Who made a request and when: the client IP (null outside a request), its User-Agent (cut to 512 characters) and
 * the instant from the application clock. Recorded on sessions and audit rows.
 */
public record RequestOrigin(InetAddress ip, String userAgent, Instant at) {

    /** The IP as text, or null. */
    public String ipText() {
        return ip == null ? null : ip.getHostAddress();
    }
}
