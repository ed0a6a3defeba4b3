package dev.hubsim.recordings;

/**
 * What a {@link Matcher} compares, each part of a request on its own so a rule can be switched off without losing
 * the others. Registry and Hub paths are split into a route ({@code /v2/{name}/manifests/{reference}}), the
 * repository and the reference, so "same path" and "same repository" are separate questions.
 */
public enum MatchRule {
    /** The HTTP method. Normalised: a HEAD matches a recorded GET (the replayer sends no body to a HEAD). */
    METHOD("method", 8),
    /** The path with repository and reference taken out. Normalised: percent-decoded, no repeated or trailing slash. */
    PATH("path", 8),
    /** The repository named by the path. Normalised: case-insensitive, {@code nginx} is {@code library/nginx}. */
    REPOSITORY("repository", 4),
    /** The tag or digest named by the path. Normalised: case-insensitive. */
    REFERENCE("reference", 2),
    /** The {@code scope} parameters of token requests. Normalised: in any order, actions sorted. */
    SCOPE("scope", 2),
    /** The query parameters other than {@code scope}. Normalised: in any order. */
    QUERY("query", 1),
    /** The {@code Accept} header. Normalised: the set of media types, parameters, order and repeats ignored. */
    ACCEPT("Accept", 1);

    private final String label;
    private final int weight;

    MatchRule(String label, int weight) {
        this.label = label;
        this.weight = weight;
    }

    /** The name used in miss descriptions. */
    String label() {
        return label;
    }

    /** How much a difference in this part weighs when the nearest recorded request is chosen. */
    int weight() {
        return weight;
    }
}
