package dev.hubsim.simulator.fault;

import java.util.Random;

/** A rule at work: its counts and its own random generator, seeded from the rule, so its decisions repeat. */
final class ActiveFault {
    private final FaultRule rule;
    private final Random random;
    private long matches;
    private long fired;

    ActiveFault(FaultRule rule) {
        this.rule = rule;
        this.random = new Random(rule.seed());
    }

    FaultRule rule() {
        return rule;
    }

    /** Counts a matching request and decides whether the fault fires on it. Callers serialise the calls. */
    boolean fires(RequestTarget target) {
        if (!rule.matches(target)) {
            return false;
        }
        matches++;
        if (matches <= rule.after() || (rule.times() != null && fired >= rule.times())) {
            return false;
        }
        if (rule.probability() < 1 && random.nextDouble() >= rule.probability()) {
            return false;
        }
        fired++;
        return true;
    }

    FaultStatus status() {
        return new FaultStatus(rule, matches, fired);
    }
}
