package dev.hubsim.simulator.http;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.simulator.registry.RegistryException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One inclusive byte range of a blob GET with {@code Range: bytes=...} (RFC 9110 §14.1.2; one range only). */
record ByteRange(long start, long end) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** The range within a blob of {@code size} bytes; null when the header asks for the whole blob. */
    static ByteRange parse(String header, long size) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            throw unsatisfiable(header, size);
        }
        long start;
        long end;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            start = Math.max(0, size - suffix);
            end = size - 1;
        } else {
            start = Long.parseLong(m.group(1));
            end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        }
        if (start >= size || end < start) {
            throw unsatisfiable(header, size);
        }
        return new ByteRange(start, end);
    }

    long length() {
        return end - start + 1;
    }

    /** {@code bytes start-end/size}, for {@code Content-Range}. */
    String contentRange(long size) {
        return "bytes " + start + "-" + end + "/" + size;
    }

    private static RegistryException unsatisfiable(String header, long size) {
        return RegistryException.of(RegistryErrorCode.RANGE_INVALID, "range '" + header
                + "' cannot be satisfied by a blob of " + size + " bytes").withHeader("Content-Range", "bytes */" + size);
    }
}
