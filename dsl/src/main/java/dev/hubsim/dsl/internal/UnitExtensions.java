package dev.hubsim.dsl.internal;

import dev.hubsim.simulator.ratelimit.PullLimit;
import java.time.Duration;

/**
 * The unit helpers of scripts, a Groovy extension module (registered in
 * {@code META-INF/groovy/org.codehaus.groovy.runtime.ExtensionModule}): sizes in binary multiples as the seed file
 * reads them ({@code 200.KB}, {@code 5.MB}, {@code 1.GB}), durations ({@code 50.ms}, {@code 30.seconds},
 * {@code 6.hours}) and pull limits ({@code 10.per(hour)}).
 */
public final class UnitExtensions {
    private UnitExtensions() {
    }

    /** Bytes: {@code 512.bytes}. */
    public static long getBytes(Number self) {
        return whole(self, "bytes");
    }

    /** Kibibytes: {@code 200.KB}. */
    public static long getKB(Number self) {
        return Math.multiplyExact(whole(self, "KB"), 1L << 10);
    }

    /** Mebibytes: {@code 5.MB}. */
    public static long getMB(Number self) {
        return Math.multiplyExact(whole(self, "MB"), 1L << 20);
    }

    /** Gibibytes: {@code 1.GB}. */
    public static long getGB(Number self) {
        return Math.multiplyExact(whole(self, "GB"), 1L << 30);
    }

    /** Milliseconds: {@code 50.ms}. */
    public static Duration getMs(Number self) {
        return Duration.ofMillis(whole(self, "ms"));
    }

    /** Seconds: {@code 30.seconds}. */
    public static Duration getSeconds(Number self) {
        return Duration.ofSeconds(whole(self, "seconds"));
    }

    /** Minutes: {@code 5.minutes}. */
    public static Duration getMinutes(Number self) {
        return Duration.ofMinutes(whole(self, "minutes"));
    }

    /** Hours: {@code 6.hours}. */
    public static Duration getHours(Number self) {
        return Duration.ofHours(whole(self, "hours"));
    }

    /** Days: {@code 1.days}. */
    public static Duration getDays(Number self) {
        return Duration.ofDays(whole(self, "days"));
    }

    /** A pull limit: {@code 10.per(hour)}, {@code 100.per(6.hours)}. */
    public static PullLimit per(Number self, Duration window) {
        return new PullLimit(whole(self, "pulls"), window);
    }

    private static long whole(Number value, String unit) {
        if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) {
            double d = value.doubleValue();
            if (d != Math.rint(d)) {
                throw new IllegalArgumentException("use a whole number of " + unit + ", got " + value);
            }
        }
        long n = value.longValue();
        if (n < 0) {
            throw new IllegalArgumentException("a number of " + unit + " cannot be negative, got " + value);
        }
        return n;
    }
}
