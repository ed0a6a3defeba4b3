package dev.hubsim.simulator.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fault rules of one simulator, in the order they were added. A request gets at most one fault: the first rule
 * that fires on it; rules after that one do not see the request. Thread-safe: decisions are taken one request at a
 * time, so a seeded probability gives the same decisions for the same sequence of requests.
 */
public final class Faults {
    private final List<ActiveFault> active = new ArrayList<>();
    private int lastId;

    /** Adds a rule after the others; one without an id gets {@code fault-N}. Returns the rule with its id. */
    public synchronized FaultRule add(FaultRule rule) {
        FaultRule named = rule.id() != null ? rule : rule.withId(freeId());
        if (find(named.id()).isPresent()) {
            throw new IllegalArgumentException("id '" + named.id() + "' is already used by another fault rule");
        }
        active.add(new ActiveFault(named));
        return named;
    }

    /** Every rule with its counts, in order. */
    public synchronized List<FaultStatus> list() {
        return active.stream().map(ActiveFault::status).toList();
    }

    /** One rule with its counts. */
    public synchronized Optional<FaultStatus> get(String id) {
        return find(id).map(ActiveFault::status);
    }

    /** Removes one rule; false when there is none with this id. */
    public synchronized boolean remove(String id) {
        return active.removeIf(fault -> fault.rule().id().equals(id));
    }

    /** Removes every rule. */
    public synchronized void clear() {
        active.clear();
    }

    /** Replaces every rule with these (the seeded ones, after a reset): counts start again, and so do the ids. */
    public synchronized void restore(List<FaultRule> rules) {
        active.clear();
        lastId = 0;
        rules.forEach(this::add);
    }

    /** The fault to apply to this request, if one fires. */
    synchronized Optional<Firing> decide(RequestTarget target) {
        for (ActiveFault fault : active) {
            if (fault.fires(target)) {
                return Optional.of(new Firing(fault.rule().id(), fault.rule().action()));
            }
        }
        return Optional.empty();
    }

    private Optional<ActiveFault> find(String id) {
        return active.stream().filter(fault -> fault.rule().id().equals(id)).findFirst();
    }

    private String freeId() {
        String id;
        do {
            id = "fault-" + ++lastId;
        } while (find(id).isPresent());
        return id;
    }

    /** A fault that fires on a request: the rule's id and what to do. */
    record Firing(String ruleId, FaultAction action) {
    }
}
