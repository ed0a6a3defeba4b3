package dev.hubsim.core.error;

import dev.hubsim.core.reference.Digest;

/** Content did not hash to the digest it was addressed by or announced with: never used, never silent. */
public final class DigestMismatchException extends DockerHubException {
    private final Digest expected;
    private final Digest actual;

    public DigestMismatchException(String operation, String target, Digest expected, Digest actual, String what) {
        super(operation, target, what + " has digest " + actual + " but " + expected + " was expected", null);
        this.expected = expected;
        this.actual = actual;
    }

    public Digest expected() {
        return expected;
    }

    public Digest actual() {
        return actual;
    }
}
