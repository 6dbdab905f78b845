package org.coinpilot.market.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The documented shape of a page of candles: {@code CursorPage<CandleResponse>}, under the schema name the OpenAPI
 * scanner gave that generic type. {@link CandlesResource} returns the page as JSON bytes, so the scanner cannot see
 * the type from the method; this record only carries the schema (same properties and descriptions as
 * {@code common.paging.CursorPage}).
 */
@Schema(name = "CursorPageCandleResponse", description = "One page of a time series")
public record CandlePage(
        @Schema(description = "The rows of this page") List<CandleResponse> items,

        @Schema(description = "Pass as ?cursor= to get the next page; absent on the last page")
        String nextCursor) {}
