package dev.hubsim.core.error;

/**
 * The server answered something the distribution protocol does not allow: a missing or malformed header
 * ({@code Location}, {@code Docker-Content-Digest}, {@code Range}), an error status with a non-JSON body,
 * an unexpected status, or a body that is not what was asked for.
 */
public final class ProtocolViolationException extends DockerHubException {
    private final int status;

    public ProtocolViolationException(String operation, String target, int status, String reason) {
        super(operation, target, reason + (status > 0 ? " (HTTP " + status + ")" : ""), null);
        this.status = status;
    }

    /** The HTTP status of the offending answer, or 0 when there was none. */
    public int status() {
        return status;
    }
}
