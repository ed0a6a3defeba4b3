package dev.hubsim.simulator.registry;

import dev.hubsim.core.error.RegistryErrorCode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inclusive byte range of an upload chunk, from a PATCH {@code Content-Range}. Distribution sends
 * {@code start-end}; Docker's registry reference shows {@code bytes start-end}; both are accepted.
 */
public record ContentRange(long start, long end) {
    private static final Pattern FORMAT = Pattern.compile("(?:bytes[ =])?(\\d{1,18})-(\\d{1,18})(?:/(?:\\d{1,18}|\\*))?");

    /** Parses the header value; a malformed one is {@code RANGE_INVALID}. */
    public static ContentRange parse(String header) {
        Matcher m = FORMAT.matcher(header.trim());
        if (!m.matches()) {
            throw RegistryException.of(RegistryErrorCode.RANGE_INVALID, "malformed Content-Range '" + header
                    + "': expected <start>-<end>").withStatus(416);
        }
        long start = Long.parseLong(m.group(1));
        long end = Long.parseLong(m.group(2));
        if (end < start) {
            throw RegistryException.of(RegistryErrorCode.RANGE_INVALID, "Content-Range '" + header + "' ends before it starts");
        }
        return new ContentRange(start, end);
    }

    /** The number of bytes in the range. */
    public long length() {
        return end - start + 1;
    }
}
