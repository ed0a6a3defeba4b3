package dev.hubsim.core.error;

/**
 * The registry or the token service did not accept who we are: missing or wrong credentials, a token service that
 * refused to issue a token, or a registry that still said 401 to a fresh token.
 */
public final class AuthenticationException extends DockerHubException {
    private final int status;

    public AuthenticationException(String operation, String target, int status, String reason) {
        super(operation, target, reason, null);
        this.status = status;
    }

    /** The HTTP status that refused us (401 from the registry or the token service, or 400 for a bad request). */
    public int status() {
        return status;
    }
}
