package dev.hubsim.simulator.replay;

import dev.hubsim.recordings.Difference;
import dev.hubsim.recordings.MatchResult;
import dev.hubsim.recordings.RecordedRequest;
import dev.hubsim.simulator.journal.SafeQuery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests a replay could not answer, for tests to fail on ({@link #verifyNone()}) and for the admin API. Keeps
 * the first {@value #CAPACITY}. Strict: once one is recorded, the replay refuses every request. Thread-safe.
 */
public final class ReplayMisses {
    /** How many misses are kept; later ones are still answered with an error and logged. */
    public static final int CAPACITY = 1000;

    private final boolean strict;
    private final Clock clock;
    private final List<ReplayMiss> misses = new ArrayList<>();

    ReplayMisses(boolean strict, Clock clock) {
        this.strict = strict;
        this.clock = clock;
    }

    /** The misses of a simulator that does not replay: always none. */
    public static ReplayMisses none() {
        return new ReplayMisses(false, Clock.systemUTC());
    }

    /** Whether the first miss stops the replay. */
    public boolean strict() {
        return strict;
    }

    /** The misses so far, oldest first. */
    public synchronized List<ReplayMiss> list() {
        return List.copyOf(misses);
    }

    public synchronized boolean isEmpty() {
        return misses.isEmpty();
    }

    /** Forgets the misses (a strict replay answers again). */
    public synchronized void clear() {
        misses.clear();
    }

    /** Throws {@link UnmatchedRequestsException} listing the misses, if there are any. */
    public void verifyNone() {
        List<ReplayMiss> now = list();
        if (!now.isEmpty()) {
            throw new UnmatchedRequestsException(now);
        }
    }

    /** True when a strict replay has missed and refuses everything until the misses are cleared. */
    synchronized boolean stopped() {
        return strict && !misses.isEmpty();
    }

    /** The first miss, which stopped a strict replay. */
    synchronized ReplayMiss first() {
        return misses.get(0);
    }

    ReplayMiss add(RecordedRequest request, String rawQuery, MatchResult.Miss miss) {
        ReplayMiss recorded = new ReplayMiss(clock.instant(), request.method(), request.path(), SafeQuery.of(rawQuery),
                miss.description(), miss.differences().stream().map(Difference::toString).toList());
        synchronized (this) {
            if (misses.size() < CAPACITY) {
                misses.add(recorded);
            }
        }
        return recorded;
    }

    @Override
    public synchronized String toString() {
        return "ReplayMisses[" + misses.size() + (strict ? ", strict" : "") + "]";
    }
}
