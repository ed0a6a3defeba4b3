package dev.hubsim.junit;

import dev.hubsim.simulator.journal.JournalEntry;
import org.assertj.core.api.AbstractAssert;

import java.util.List;

/**
 * How many journaled requests match a {@link RequestPattern}. A failure names the pattern, the count, the matching
 * requests and the nearby ones (same repository or same operation), or the latest requests when none is near.
 */
public final class RequestCountAssert extends AbstractAssert<RequestCountAssert, List<JournalEntry>> {
    private final JournalAssert journal;
    private final RequestPattern pattern;
    private final List<JournalEntry> matching;

    RequestCountAssert(JournalAssert journal, List<JournalEntry> entries, RequestPattern pattern) {
        super(entries, RequestCountAssert.class);
        this.journal = journal;
        this.pattern = pattern;
        this.matching = entries.stream().filter(pattern::matches).toList();
    }

    public JournalAssert times(int expected) {
        if (expected < 0) {
            throw new IllegalArgumentException("times must be 0 or more, got " + expected);
        }
        return check(matching.size() == expected, "exactly " + expected);
    }

    public JournalAssert once() {
        return times(1);
    }

    public JournalAssert never() {
        return times(0);
    }

    public JournalAssert atLeast(int expected) {
        return check(matching.size() >= expected, "at least " + expected);
    }

    public JournalAssert atLeastOnce() {
        return atLeast(1);
    }

    public JournalAssert atMost(int expected) {
        return check(matching.size() <= expected, "at most " + expected);
    }

    private JournalAssert check(boolean holds, String expectation) {
        if (!holds) {
            failWithMessage("%s", "Expected " + expectation + " request(s) matching '" + pattern + "' but the simulator "
                    + "received " + matching.size() + ".\nMatching requests:\n" + JournalListing.lines(matching) + "\n"
                    + others() + "\nJournal: " + actual.size() + " requests in all.");
        }
        return journal;
    }

    /** The requests near the pattern that did not match, or the latest ones when none is near. */
    private String others() {
        List<JournalEntry> rest = actual.stream().filter(entry -> !pattern.matches(entry)).toList();
        List<JournalEntry> near = rest.stream().filter(pattern::isNear).toList();
        if (!near.isEmpty()) {
            return "Nearby requests (same repository or operation):\n" + JournalListing.lines(near);
        }
        return "Other requests:\n" + JournalListing.lines(rest);
    }
}
