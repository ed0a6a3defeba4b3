package dev.hubsim.simulator.replay;

import java.util.List;
import java.util.stream.Collectors;

/** A replay met requests its recording does not hold; the message lists each with the nearest recorded one. */
public final class UnmatchedRequestsException extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final transient List<ReplayMiss> misses;

    UnmatchedRequestsException(List<ReplayMiss> misses) {
        super(misses.size() + " request(s) matched no recorded interaction:\n"
                + misses.stream().map(miss -> "  " + miss.message()).collect(Collectors.joining("\n")));
        this.misses = List.copyOf(misses);
    }

    public List<ReplayMiss> misses() {
        return misses;
    }
}
