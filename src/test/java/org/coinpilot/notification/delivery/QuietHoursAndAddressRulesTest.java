package org.coinpilot.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.coinpilot.notification.client.WebhookAddressGuard;
import org.coinpilot.notification.domain.QuietHours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quiet window arithmetic and the address rules, without Quarkus. */
class QuietHoursAndAddressRulesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
    static final QuietHours LUNCH = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));

    @Test
    void shouldFindTheEndOfAWindowThatCrossesMidnight() {
        // 22:00 Paris (UTC+1) is inside; the end is 07:00 the next morning
        assertThat(NIGHT.endOfWindowContaining(Instant.parse("2027-01-15T21:00:00Z"), PARIS))
                .contains(Instant.parse("2027-01-16T06:00:00Z"));
        // 03:00 Paris is inside; the end is 07:00 the same day
        assertThat(NIGHT.endOfWindowContaining(Instant.parse("2027-01-16T02:00:00Z"), PARIS))
                .contains(Instant.parse("2027-01-16T06:00:00Z"));
        // 07:00 and 21:59 Paris are outside
        assertThat(NIGHT.endOfWindowContaining(Instant.parse("2027-01-16T06:00:00Z"), PARIS))
                .isEmpty();
        assertThat(NIGHT.endOfWindowContaining(Instant.parse("2027-01-16T20:59:00Z"), PARIS))
                .isEmpty();
        // summer time: UTC+2
        assertThat(NIGHT.endOfWindowContaining(Instant.parse("2027-07-01T21:30:00Z"), PARIS))
                .contains(Instant.parse("2027-07-02T05:00:00Z"));
    }

    @Test
    void shouldFindTheEndOfAWindowWithinOneDay() {
        assertThat(LUNCH.endOfWindowContaining(Instant.parse("2027-01-15T11:30:00Z"), PARIS))
                .contains(Instant.parse("2027-01-15T13:00:00Z"));
        assertThat(LUNCH.endOfWindowContaining(Instant.parse("2027-01-15T13:00:00Z"), PARIS))
                .isEmpty();
        assertThat(LUNCH.endOfWindowContaining(Instant.parse("2027-01-15T10:59:00Z"), PARIS))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.1",
                "172.31.255.255",
                "192.168.0.1",
                "127.0.0.1",
                "127.9.9.9",
                "0.0.0.0",
                "169.254.169.254",
                "100.64.0.1",
                "100.127.255.255",
                "224.0.0.251",
                "255.255.255.255",
                "::1",
                "::",
                "fc00::1",
                "fd12:3456::1",
                "fe80::1",
                "ff02::1",
                "::ffff:192.168.1.1",
                "64:ff9b::a00:1"
            })
    void shouldForbidPrivateAndReservedAddresses(String address) throws Exception {
        assertThat(WebhookAddressGuard.isForbidden(InetAddress.getByName(address)))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::1111"})
    void shouldAllowPublicAddresses(String address) throws Exception {
        assertThat(WebhookAddressGuard.isForbidden(InetAddress.getByName(address)))
                .isFalse();
    }
}
