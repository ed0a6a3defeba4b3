package dev.hubsim.core.registry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Range: 0-<last>} header of an upload status (distribution, not RFC 7233: no unit). distribution
 * sends {@code 0-0} for both an empty upload and a one-byte one; it is read as one byte when the client knows at
 * least one byte arrived, else as none (at worst one byte is sent again and refused, and the resume limit ends it).
 */
final class UploadRange {
    private static final Pattern RANGE = Pattern.compile("(?:bytes=)?0-(\\d+)");

    private UploadRange() {
    }

    /**
     * The number of bytes the server holds, or empty when the header is missing or malformed.
     *
     * @param acknowledged bytes the server already confirmed (earlier chunks)
     */
    static Optional<Long> received(String header, long acknowledged) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(header.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long last = Long.parseLong(m.group(1));
        return Optional.of(last == 0 ? Math.min(1, acknowledged) : last + 1);
    }
}
