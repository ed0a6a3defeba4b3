package dev.hubsim.simulator.webhook;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The newest {@code capacity} entries of a log, oldest first; safe to use from several threads. */
final class BoundedLog<T> {
    private final int capacity;
    private final Deque<T> entries = new ArrayDeque<>();

    BoundedLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(T entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    synchronized List<T> list() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
