package org.coinpilot.macro.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.coinpilot.common.paging.Cursor;
import org.coinpilot.common.paging.CursorPage;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.macro.api.SeriesQuery;
import org.coinpilot.macro.domain.MacroCsv;
import org.coinpilot.macro.persistence.SqlRows;

/**
 * The paging of the daily series, like candles: {@code from} (or a cursor) reads forward by keyset on
 * {@code (day, id)}, oldest first, with a next cursor while more rows exist; without either, the newest {@code limit}
 * days before {@code to}, oldest first. Bad parameters are 400s naming them.
 */
final class SeriesPaging {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private SeriesPaging() {}

    /** A checked query: the bounds to read (limit + 1 when forward, to see whether more exist). */
    record Request(SqlRows.Bounds bounds, boolean newest, int limit) {}

    static Request check(SeriesQuery query) {
        SeriesQuery q = query == null ? new SeriesQuery() : query;
        LocalDate from = day("from", q.from);
        LocalDate to = day("to", q.to);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequestProblemException("from", "query", "must be before to");
        }
        int limit = DEFAULT_LIMIT;
        if (q.limit != null && !q.limit.isBlank()) {
            try {
                limit = Integer.parseInt(q.limit.trim());
            } catch (NumberFormatException e) {
                throw new BadRequestProblemException("limit", "query", "must be an integer from 1 to " + MAX_LIMIT);
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new BadRequestProblemException("limit", "query", "must be an integer from 1 to " + MAX_LIMIT);
            }
        }
        Cursor cursor = q.cursor == null || q.cursor.isBlank() ? null : Cursor.decode(q.cursor.trim());
        LocalDate afterDay = cursor == null ? null : LocalDate.ofInstant(cursor.time(), ZoneOffset.UTC);
        Long afterId = cursor == null ? null : cursor.id();
        boolean newest = from == null && cursor == null;
        return new Request(new SqlRows.Bounds(from, to, afterDay, afterId, newest ? limit : limit + 1), newest, limit);
    }

    /** The page of {@code rows} as read for {@code request}: oldest first, with a cursor when more follow. */
    static <R, T> CursorPage<T> page(
            Request request, List<R> rows, Function<R, LocalDate> day, ToLongFunction<R> id, Function<R, T> mapper) {
        List<R> ordered = new ArrayList<>(rows);
        String next = null;
        if (request.newest()) {
            Collections.reverse(ordered);
        } else if (ordered.size() > request.limit()) {
            ordered = ordered.subList(0, request.limit());
            R last = ordered.get(ordered.size() - 1);
            next = new Cursor(day.apply(last).atStartOfDay(ZoneOffset.UTC).toInstant(), id.applyAsLong(last)).encode();
        }
        return new CursorPage<>(ordered.stream().map(mapper).toList(), next);
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day = MacroCsv.parseDay(value);
        if (day == null || day.getYear() < 1 || day.getYear() > 9999) {
            throw new BadRequestProblemException(name, "query", "must be a YYYY-MM-DD day or an ISO-8601 instant");
        }
        return day;
    }

    /** The start of {@code day}, UTC. */
    static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
