package org.coinpilot.notification.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The form rules of webhook URLs that need no name resolution: ports and the spelling of IPv4 hosts. */
class WebhookAddressGuardTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://93.184.215.14:0/hook",
                "https://93.184.215.14:65536/hook",
                "https://93.184.215.14:70000/hook",
                "https://93.184.215.14:99999999999/hook",
                "https://hooks.example.com:0/hook",
                "https://hooks.example.com:65536/hook",
                "https://[2606:4700::1111]:0/hook",
                "https://[2606:4700::1111]:123456/hook"
            })
    void shouldRefuseAPortOutside1To65535(String url) {
        assertThatThrownBy(() -> WebhookAddressGuard.parse(url))
                .isInstanceOf(WebhookAddressException.class)
                .hasMessage("must use a port between 1 and 65535");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://93.184.215.14:1/hook",
                "https://93.184.215.14:443/hook",
                "https://93.184.215.14:65535/hook",
                "https://93.184.215.14/hook",
                "https://hooks.example.com:8443/hook",
                "https://[2606:4700::1111]:8443/hook"
            })
    void shouldAcceptAPortBetween1And65535OrNone(String url) {
        assertThat(WebhookAddressGuard.parse(url)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://0177.0.0.1/hook", // octal: 127.0.0.1 for a browser, 177.0.0.1 for Java
                "https://0x7f.1/hook",
                "https://0x7f.0.0.1/hook",
                "https://127.1/hook",
                "https://127.0.1/hook",
                "https://2130706433/hook",
                "https://0x7f000001/hook",
                "https://017700000001/hook",
                "https://093.184.215.14/hook", // a leading zero, even where it cannot be octal
                "https://0x5d.184.215.14/hook", // public, but not in the canonical form
                "https://93.184.215.14./hook",
                "https://1.2.3.4.5/hook",
                "https://256.1.1.1/hook",
                "https://hooks.example.0x10/hook"
            })
    void shouldRefuseIpv4AddressesNotWrittenAsFourDecimalNumbers(String url) {
        assertThatThrownBy(() -> WebhookAddressGuard.parse(url)).isInstanceOf(WebhookAddressException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "0177.0.0.1, 2130706433",
        "0x7f.1, 2130706433",
        "127.1, 2130706433",
        "2130706433, 2130706433",
        "0x7F000001, 2130706433",
        "192.168.257, 3232235777",
        "0, 0",
        "1.2.3.4., 16909060",
        "256.1.1.1, -1",
        "1.2.3.4.5, -1",
        "0x1g, -1",
        "1.2.3.4294967296, -1",
        "08, -1"
    })
    void shouldReadIpv4HostsAsTheWhatwgUrlParserDoes(String host, long expected) {
        assertThat(WebhookAddressGuard.parseIpv4(host)).isEqualTo(expected);
    }

    @Test
    void shouldTreatOnlyHostsEndingInANumberAsIpv4() {
        assertThat(WebhookAddressGuard.endsInNumber("hooks.example.com")).isFalse();
        assertThat(WebhookAddressGuard.endsInNumber("1password.com")).isFalse();
        assertThat(WebhookAddressGuard.endsInNumber("example.0x")).isTrue();
        assertThat(WebhookAddressGuard.endsInNumber("example.123.")).isTrue();
        assertThat(WebhookAddressGuard.parse("https://1.2.3.4/hook").getHost()).isEqualTo("1.2.3.4");
        assertThat(WebhookAddressGuard.parse("https://hooks.example.com/hook").getHost())
                .isEqualTo("hooks.example.com");
    }
}
