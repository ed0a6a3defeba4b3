package dev.hubsim.simulator.journal;

import dev.hubsim.simulator.fault.Glob;
import dev.hubsim.simulator.fault.Operation;

import java.time.Instant;
import java.util.Locale;

/**
 * Which journal entries to return; every criterion given must hold. Start from {@link #all()}:
 * <pre>{@code
 * simulator.journal().entries(JournalQuery.all().operation(Operation.BLOB_GET).repository("alice/app").status(200))
 * }</pre>
 * {@code path} is a {@link Glob}, {@code pathPrefix} a plain prefix, {@code repository} a glob, {@code status} an exact
 * status or, with {@link #statusClass}, a class such as 4 for 4xx; {@code since} keeps entries at or after an instant
 * of the simulator's clock; {@code limit} keeps the most recent ones.
 */
public record JournalQuery(String method, Glob path, String pathPrefix, Integer status, Integer statusClass,
                           Operation operation, Glob repository, String principal, Instant since, Integer limit) {
    private static final JournalQuery ALL = new JournalQuery(null, null, null, null, null, null, null, null, null, null);

    public JournalQuery {
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, got " + limit);
        }
        if (statusClass != null && (statusClass < 1 || statusClass > 5)) {
            throw new IllegalArgumentException("a status class is 1 to 5 (1xx to 5xx), got " + statusClass);
        }
    }

    /** Every entry. */
    public static JournalQuery all() {
        return ALL;
    }

    public JournalQuery method(String value) {
        return new JournalQuery(value, path, pathPrefix, status, statusClass, operation, repository, principal, since, limit);
    }

    public JournalQuery path(String glob) {
        return new JournalQuery(method, Glob.of(glob), pathPrefix, status, statusClass, operation, repository, principal,
                since, limit);
    }

    public JournalQuery pathPrefix(String value) {
        return new JournalQuery(method, path, value, status, statusClass, operation, repository, principal, since, limit);
    }

    public JournalQuery status(int value) {
        return new JournalQuery(method, path, pathPrefix, value, statusClass, operation, repository, principal, since, limit);
    }

    /** Entries whose status is in this class: 2 for 2xx, 4 for 4xx, ... */
    public JournalQuery statusClass(int value) {
        return new JournalQuery(method, path, pathPrefix, status, value, operation, repository, principal, since, limit);
    }

    public JournalQuery operation(Operation value) {
        return new JournalQuery(method, path, pathPrefix, status, statusClass, value, repository, principal, since, limit);
    }

    public JournalQuery repository(String glob) {
        return new JournalQuery(method, path, pathPrefix, status, statusClass, operation, Glob.of(glob), principal, since,
                limit);
    }

    public JournalQuery principal(String value) {
        return new JournalQuery(method, path, pathPrefix, status, statusClass, operation, repository, value, since, limit);
    }

    public JournalQuery since(Instant value) {
        return new JournalQuery(method, path, pathPrefix, status, statusClass, operation, repository, principal, value, limit);
    }

    /** Only the most recent {@code value} matching entries. */
    public JournalQuery limit(int value) {
        return new JournalQuery(method, path, pathPrefix, status, statusClass, operation, repository, principal, since, value);
    }

    /** True when the entry meets every criterion (the limit aside). */
    public boolean matches(JournalEntry entry) {
        return (method == null || method.equals(entry.method()))
                && (path == null || path.matches(entry.path()))
                && (pathPrefix == null || entry.path().startsWith(pathPrefix))
                && (status == null || status == entry.status())
                && (statusClass == null || statusClass == entry.status() / 100)
                && (operation == null || operation == entry.operation())
                && (repository == null || repository.matches(entry.repository()))
                && (principal == null || principal.equals(entry.principal()))
                && (since == null || !entry.time().isBefore(since));
    }
}
