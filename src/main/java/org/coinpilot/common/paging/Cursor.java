package org.coinpilot.common.paging;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import org.coinpilot.common.problem.BadRequestProblemException;

/**
 * The keyset position of a time-series page: the {@code (time, id)} of the last row returned, encoded as
 * opaque URL-safe base64 so that clients cannot depend on its content.
 */
public record Cursor(Instant time, long id) {

    private static final int LENGTH = Long.BYTES * 3;

    public String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
        buffer.putLong(time.getEpochSecond()).putLong(time.getNano()).putLong(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /**
     * Decodes a cursor sent back by a client.
     *
     * @throws BadRequestProblemException naming the {@code cursor} query parameter when it is not one of ours
     */
    public static Cursor decode(String encoded) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(encoded);
            if (bytes.length != LENGTH) {
                throw new IllegalArgumentException("length");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long seconds = buffer.getLong();
            long nanos = buffer.getLong();
            long id = buffer.getLong();
            if (nanos < 0 || nanos > 999_999_999) {
                throw new IllegalArgumentException("nanos");
            }
            return new Cursor(Instant.ofEpochSecond(seconds, nanos), id);
        } catch (RuntimeException e) {
            throw new BadRequestProblemException("cursor", "query", "is not a valid cursor");
        }
    }
}
