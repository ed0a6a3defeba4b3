package dev.hubsim.simulator.seed;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as people write them in seed files: {@code 512}, {@code 200KB}, {@code 5MB}, {@code 1GiB} (binary multiples). */
final class ByteSize {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,12})\\s*(b|kb|kib|mb|mib|gb|gib)?");

    private ByteSize() {
    }

    static long parse(String text) {
        Matcher m = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid size '" + text + "': use bytes or a number with KB, MB or GB");
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit.charAt(0)) {
            case 'k' -> value << 10;
            case 'm' -> value << 20;
            case 'g' -> value << 30;
            default -> value;
        };
    }
}
