package org.coinpilot.common.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of an offset-paged list.
 *
 * @param items the rows of this page (never null)
 * @param page zero-based page number
 * @param size requested page size
 * @param totalItems number of rows in all pages (absent when {@code includeTotal=false})
 * @param totalPages number of pages (absent when {@code includeTotal=false})
 */
@Schema(description = "One page of a list")
public record PageResponse<T>(
        @Schema(description = "The rows of this page") List<T> items,
        @Schema(description = "Zero-based page number") int page,
        @Schema(description = "Requested page size") int size,

        @Schema(description = "Rows in all pages; absent when includeTotal=false")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Long totalItems,

        @Schema(description = "Number of pages; absent when includeTotal=false")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Integer totalPages) {

    public PageResponse {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A page with its total, or without it when {@code total} is null. */
    public static <T> PageResponse<T> of(List<T> items, PageQuery query, Long total) {
        Integer pages = total == null ? null : (int) ((total + query.size - 1) / query.size);
        return new PageResponse<>(items, query.page, query.size, total, pages);
    }

    public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResponse<>(items.stream().<R>map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
