package dev.hubsim.simulator.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The request journal of one simulator: the latest requests (default {@value #DEFAULT_CAPACITY}; the oldest is
 * dropped when a new one would not fit), oldest first. Requests to the admin API are not recorded. Thread-safe.
 */
public final class Journal {
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();

    public Journal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the journal must hold at least one entry, got " + capacity);
        }
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    synchronized void record(JournalEntry entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    /** Every entry, oldest first. */
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    /** The entries the query selects, oldest first (the most recent ones when it has a limit). */
    public synchronized List<JournalEntry> entries(JournalQuery query) {
        List<JournalEntry> selected = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (query.matches(entry)) {
                selected.add(entry);
            }
        }
        int from = query.limit() == null ? 0 : Math.max(0, selected.size() - query.limit());
        return List.copyOf(selected.subList(from, selected.size()));
    }

    public synchronized void clear() {
        entries.clear();
    }
}
