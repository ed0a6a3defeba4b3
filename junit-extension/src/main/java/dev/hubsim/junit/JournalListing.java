package dev.hubsim.junit;

import dev.hubsim.simulator.journal.JournalEntry;

import java.util.List;
import java.util.StringJoiner;

/** Journal entries as lines of a failure message. */
final class JournalListing {
    /** At most this many entries per section of a message. */
    static final int LIMIT = 20;

    private JournalListing() {
    }

    /** One line per entry (the most recent {@value #LIMIT}), each indented; "(none)" for an empty list. */
    static String lines(List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return "  (none)";
        }
        StringJoiner lines = new StringJoiner("\n");
        if (entries.size() > LIMIT) {
            lines.add("  ... " + (entries.size() - LIMIT) + " earlier");
        }
        entries.subList(Math.max(0, entries.size() - LIMIT), entries.size()).forEach(entry -> lines.add("  " + line(entry)));
        return lines.toString();
    }

    /** E.g. {@code GET /v2/alice/app/manifests/1.0 -> 200 (manifest-get, alice/app, by alice)}. */
    static String line(JournalEntry entry) {
        StringBuilder line = new StringBuilder(entry.method()).append(' ').append(entry.path());
        if (entry.query() != null) {
            line.append('?').append(entry.query());
        }
        line.append(" -> ").append(entry.status()).append(" (").append(entry.operation().wireName());
        if (entry.repository() != null) {
            line.append(", ").append(entry.repository());
        }
        line.append(", ").append(entry.principal() == null ? "anonymous" : "by " + entry.principal());
        if (entry.fault() != null) {
            line.append(", fault ").append(entry.fault());
        }
        return line.append(')').toString();
    }
}
