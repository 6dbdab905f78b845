package org.coinpilot.watchlist.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The new order of a watchlist: every symbol it holds, exactly once, first to last. */
@Schema(description = "The new order: every symbol of the list exactly once, first to last")
public record ReorderWatchlistRequest(
        @NotNull
        @Size(max = 10_000)
        @Schema(description = "Symbols in their new order", examples = "[\"ETH\", \"BTC\"]")
        List<@NotBlank @Size(max = 32) String> symbols) {}
