package dev.hubsim.core.error;

/**
 * Everything the Docker Hub client throws. Each subtype carries data, not just text: what was attempted
 * ({@link #operation()}), on which repository or image ({@link #target()}), and why it failed. Messages read
 * "Tried to &lt;operation&gt; on &lt;target&gt; but failed because: ..." and never contain a secret.
 */
public abstract sealed class DockerHubException extends RuntimeException
        permits RegistryErrorException, HubErrorException, AuthenticationException, InsufficientScopeException,
        DigestMismatchException, TransportException, ProtocolViolationException, ConfigurationException,
        RateLimitException, CircuitOpenException, NoMatchingPlatformException {
    private final String operation;
    private final String target;

    DockerHubException(String operation, String target, String reason, Throwable cause) {
        super(message(operation, target, reason), cause);
        this.operation = operation;
        this.target = target;
    }

    /** What the client tried to do, e.g. {@code push blob sha256:...}; empty when not a registry operation. */
    public String operation() {
        return operation;
    }

    /** The repository, image or URL the operation addressed; empty when none. */
    public String target() {
        return target;
    }

    private static String message(String operation, String target, String reason) {
        if (operation.isEmpty()) {
            return reason;
        }
        return "Tried to " + operation + (target.isEmpty() ? "" : " on " + target) + " but failed because: " + reason;
    }
}
