package org.coinpilot.common.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Offset paging parameters ({@code ?page=0&size=20&includeTotal=true}), bound with {@code @BeanParam}.
 * Out-of-range values are a 400 naming the parameter, never a silent clamp.
 */
public class PageQuery {

    public static final int MAX_SIZE = 100;

    /** Highest page: the offset {@code page * size} must fit the {@code int} first-result of the queries. */
    public static final int MAX_PAGE = 10_000_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be between 0 and 10000000")
    @Max(value = MAX_PAGE, message = "must be between 0 and 10000000")
    @Parameter(description = "Zero-based page number, 0 to 10,000,000")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be between 1 and 100")
    @Max(value = MAX_SIZE, message = "must be between 1 and 100")
    @Parameter(description = "Page size, 1 to 100")
    public int size;

    @QueryParam("includeTotal")
    @DefaultValue("true")
    @Parameter(description = "false skips the count query (totalItems and totalPages are then absent)")
    public boolean includeTotal;

    public PageQuery() {}

    public PageQuery(int page, int size, boolean includeTotal) {
        this.page = page;
        this.size = size;
        this.includeTotal = includeTotal;
    }

    public int offset() {
        return page * size;
    }
}
