package org.coinpilot.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A daily quiet window in the user's time zone, {@code [start, end)}; when {@code start > end} it crosses midnight
 * (22:00–07:00). {@code start} and {@code end} differ.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        if (start == null || end == null || start.equals(end)) {
            throw new IllegalArgumentException("quiet hours need a start and an end that differ");
        }
    }

    /**
     * When the window containing {@code now} ends, or empty when {@code now} is outside the window. A local end time
     * that falls into a daylight-saving gap is moved forward by the gap, as {@link ZonedDateTime#of} does.
     */
    public Optional<Instant> endOfWindowContaining(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        if (start.isBefore(end)) {
            if (!time.isBefore(start) && time.isBefore(end)) {
                return Optional.of(ZonedDateTime.of(day, end, zone).toInstant());
            }
            return Optional.empty();
        }
        if (!time.isBefore(start)) {
            return Optional.of(ZonedDateTime.of(day.plusDays(1), end, zone).toInstant());
        }
        if (time.isBefore(end)) {
            return Optional.of(ZonedDateTime.of(day, end, zone).toInstant());
        }
        return Optional.empty();
    }
}
