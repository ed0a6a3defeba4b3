package dev.hubsim.simulator.ratelimit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number of pulls per window, e.g. 100 per 6 hours, written in headers as {@code 100;w=21600}. */
public record PullLimit(long count, Duration window) {
    private static final Pattern SPEC = Pattern.compile("(\\d{1,9})/(\\d{1,6})([smhd])");

    public PullLimit {
        if (count < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a pull limit needs a positive count and window, got " + count + "/" + window);
        }
    }

    /** Parses {@code N/<number><s|m|h|d>}, e.g. {@code 100/6h}. */
    public static PullLimit parse(String text) {
        Matcher m = SPEC.matcher(text.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid pull limit '" + text + "': expected COUNT/WINDOW such as 100/6h or 10/1h");
        }
        long amount = Long.parseLong(m.group(2));
        Duration window = switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return new PullLimit(Long.parseLong(m.group(1)), window);
    }

    /** The header form of a count under this window: {@code <count>;w=<seconds>}. */
    public String header(long value) {
        return value + ";w=" + window.toSeconds();
    }
}
