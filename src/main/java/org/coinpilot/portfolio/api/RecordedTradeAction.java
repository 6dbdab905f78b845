package org.coinpilot.portfolio.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A trade action just written and its position after the replay. */
@Schema(description = "The action and its position after the journal was replayed")
public record RecordedTradeAction(
        @Schema(description = "The action") TradeActionResponse action,
        @Schema(description = "The position after it") PositionResponse position) {}
