package dev.hubsim.simulator.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The request journal of one simulator: the latest requests (default {@value #DEFAULT_CAPACITY}; the oldest is
 * dropped when a new one would not fit), oldest first. Requests to the admin API are not recorded. Thread-safe.
 * A client may see its answer a moment before the request is recorded, so reading the journal first waits (at most
 * {@link #SETTLE_MILLIS} ms) for the requests that had started to be recorded.
 */
public final class Journal {
    public static final int DEFAULT_CAPACITY = 10_000;

    /** The longest a read waits for requests in flight to be recorded. */
    static final long SETTLE_MILLIS = 2_000;

    private final int capacity;
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private int inFlight;

    public Journal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the journal must hold at least one entry, got " + capacity);
        }
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    /** A request has started; {@link #record} follows when it is answered. */
    synchronized void begin() {
        inFlight++;
    }

    synchronized void record(JournalEntry entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
        inFlight--;
        notifyAll();
    }

    /** Every entry, oldest first. */
    public synchronized List<JournalEntry> entries() {
        settle();
        return List.copyOf(entries);
    }

    /** The entries the query selects, oldest first (the most recent ones when it has a limit). */
    public synchronized List<JournalEntry> entries(JournalQuery query) {
        settle();
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

    /** Waits until no request is in flight, or {@link #SETTLE_MILLIS} have passed (a long upload may still run). */
    private void settle() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        try {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
