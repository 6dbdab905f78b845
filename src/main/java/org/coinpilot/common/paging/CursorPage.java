package org.coinpilot.common.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a time series, paged by keyset.
 *
 * @param items the rows, oldest first
 * @param nextCursor opaque cursor for the next page; absent on the last page
 */
@Schema(description = "One page of a time series")
public record CursorPage<T>(
        @Schema(description = "The rows of this page") List<T> items,

        @Schema(description = "Pass as ?cursor= to get the next page; absent on the last page")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String nextCursor) {

    public CursorPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
