package dev.hubsim.junit;

import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.simulator.fault.Operation;
import dev.hubsim.simulator.journal.JournalEntry;
import dev.hubsim.simulator.journal.JournalQuery;

import java.util.Optional;

/**
 * Which journaled requests an assertion counts, with a description for failure messages. Start from a factory
 * ({@link #pullOf}, {@link #pushOf}, {@link #tokenRequests}, {@link #requestsTo}, {@link #anyRequest}) and narrow with
 * {@link #by} or {@link #withStatus}. Image references are normalised as {@code docker pull} does ({@code nginx} is
 * {@code library/nginx:latest}).
 */
public final class RequestPattern {
    private final String description;
    private final JournalQuery query;
    private final String repository;

    private RequestPattern(String description, JournalQuery query, String repository) {
        this.description = description;
        this.query = query;
        this.repository = repository;
    }

    /** Manifest GETs of this image by tag or digest: what Docker Hub counts as a pull. */
    public static RequestPattern pullOf(String image) {
        ImageReference reference = ImageReference.parse(image);
        return new RequestPattern("pull of " + reference.repository() + ":" + reference.reference(),
                manifestAt(reference).method("GET").operation(Operation.MANIFEST_GET), reference.repository());
    }

    /** Manifest PUTs of this image by tag or digest: the last step of a push. */
    public static RequestPattern pushOf(String image) {
        ImageReference reference = ImageReference.parse(image);
        return new RequestPattern("push of " + reference.repository() + ":" + reference.reference(),
                manifestAt(reference).operation(Operation.MANIFEST_PUT), reference.repository());
    }

    /** Requests to the token service. */
    public static RequestPattern tokenRequests() {
        return new RequestPattern("token request", JournalQuery.all().operation(Operation.TOKEN), null);
    }

    /** Any request addressing a repository that matches the glob ({@code library/*}, {@code alice/**}). */
    public static RequestPattern requestsTo(String repositoryGlob) {
        return new RequestPattern("request to " + repositoryGlob, JournalQuery.all().repository(repositoryGlob),
                repositoryGlob);
    }

    /** Every request. */
    public static RequestPattern anyRequest() {
        return new RequestPattern("request", JournalQuery.all(), null);
    }

    /** Only requests made by this user (the token's subject or the Basic user name). */
    public RequestPattern by(String principal) {
        return new RequestPattern(description + " by " + principal, query.principal(principal), repository);
    }

    /** Only requests the simulator answered with this status. */
    public RequestPattern withStatus(int status) {
        return new RequestPattern(description + " answered " + status, query.status(status), repository);
    }

    boolean matches(JournalEntry entry) {
        return query.matches(entry);
    }

    /** True when the entry is worth showing beside a failed expectation: same repository or same operation. */
    boolean isNear(JournalEntry entry) {
        boolean sameRepository = repository != null && entry.repository() != null
                && (entry.repository().equals(repository) || JournalQuery.all().repository(repository).matches(entry));
        boolean sameOperation = query.operation() != null && query.operation() == entry.operation();
        return sameRepository || sameOperation;
    }

    Optional<String> repository() {
        return Optional.ofNullable(repository);
    }

    private static JournalQuery manifestAt(ImageReference reference) {
        return JournalQuery.all().repository(reference.repository())
                .path("/v2/" + reference.repository() + "/manifests/" + reference.reference());
    }

    @Override
    public String toString() {
        return description;
    }
}
