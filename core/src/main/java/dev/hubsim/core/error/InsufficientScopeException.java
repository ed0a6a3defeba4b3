package dev.hubsim.core.error;

/**
 * The registry knows who we are but a freshly issued token still lacks the access the request needs
 * ({@code error="insufficient_scope"} in the challenge): the account may not pull, push or delete there.
 */
public final class InsufficientScopeException extends DockerHubException {
    private final String scope;

    public InsufficientScopeException(String operation, String target, String scope) {
        super(operation, target, "the token does not grant the access needed (" + scope + "); "
                + "check that the repository exists and that the account may access it", null);
        this.scope = scope;
    }

    /** The scope the registry asked for, e.g. {@code repository:alice/app:pull,push}. */
    public String scope() {
        return scope;
    }
}
