package dev.hubsim.junit;

import dev.hubsim.simulator.journal.Journal;
import dev.hubsim.simulator.journal.JournalEntry;
import org.assertj.core.api.AbstractAssert;

import java.util.List;

/** Assertions over a simulator's request journal; failures list the matching and nearby requests. */
public final class JournalAssert extends AbstractAssert<JournalAssert, Journal> {
    JournalAssert(Journal journal) {
        super(journal, JournalAssert.class);
    }

    /** The requests matching the pattern, to be counted: end with {@code once()}, {@code times(n)}, {@code never()}... */
    public RequestCountAssert received(RequestPattern pattern) {
        isNotNull();
        return new RequestCountAssert(this, actual.entries(), pattern);
    }

    /** No request addressed a repository matching the glob, e.g. {@code library/*} for the official images. */
    public JournalAssert noRequestsTo(String repositoryGlob) {
        isNotNull();
        List<JournalEntry> entries = actual.entries();
        RequestPattern pattern = RequestPattern.requestsTo(repositoryGlob);
        List<JournalEntry> offending = entries.stream().filter(pattern::matches).toList();
        if (!offending.isEmpty()) {
            failWithMessage("%s", "Expected no request to " + repositoryGlob + ", but the simulator received "
                    + offending.size() + ":\n" + JournalListing.lines(offending) + "\nJournal: " + entries.size()
                    + " requests in all.");
        }
        return this;
    }

    /**
     * Every request was answered below 400, except the 401 challenges of the token handshake (a 401 to a request
     * that carried no credentials). Faults with a status show up here.
     */
    public JournalAssert hasNoErrors() {
        isNotNull();
        List<JournalEntry> entries = actual.entries();
        List<JournalEntry> errors = entries.stream()
                .filter(entry -> entry.status() >= 400 && !isChallenge(entry)).toList();
        if (!errors.isEmpty()) {
            failWithMessage("%s", "Expected no answer of 400 or more, but " + errors.size() + " request(s) got one:\n"
                    + JournalListing.lines(errors) + "\nJournal: " + entries.size() + " requests in all.");
        }
        return this;
    }

    private static boolean isChallenge(JournalEntry entry) {
        return entry.status() == 401 && entry.principal() == null;
    }
}
