package org.coinpilot.notification.client;

/** A webhook URL that breaks the destination rules (not HTTPS, credentials in it, a private address, …). */
public class WebhookAddressException extends RuntimeException {

    public WebhookAddressException(String message) {
        super(message, null, false, false);
    }
}
