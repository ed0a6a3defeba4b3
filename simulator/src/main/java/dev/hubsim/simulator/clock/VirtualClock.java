package dev.hubsim.simulator.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's one clock: real time plus an offset that tests move forward ({@link #advance}) or set
 * ({@link #set}). Token expiry, rate-limit windows, upload expiry and timestamps all read it, so a test can expire
 * a token or refill a quota without sleeping.
 */
public final class VirtualClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public VirtualClock() {
        this(Clock.systemUTC());
    }

    public VirtualClock(Clock base) {
        this.base = base;
    }

    /** Moves time forward (or back, with a negative duration) by {@code duration}. */
    public Instant advance(Duration duration) {
        offset.accumulateAndGet(duration, Duration::plus);
        return instant();
    }

    /** Jumps to {@code instant}; time keeps running from there. */
    public Instant set(Instant instant) {
        offset.set(Duration.between(base.instant(), instant));
        return instant();
    }

    /** How far the clock is from real time. */
    public Duration offset() {
        return offset.get();
    }

    /** Returns to real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the simulator's clock is always UTC");
        }
        return this;
    }
}
