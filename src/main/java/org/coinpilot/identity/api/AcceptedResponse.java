package org.coinpilot.identity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of the calls that never reveal whether an account exists. */
@Schema(description = "Request accepted; what happens next is sent by mail")
public record AcceptedResponse(
        @Schema(description = "What to expect", examples = "If the address can receive it, a mail is on its way.")
        String message) {}
