package dev.hubsim.core.resilience;

import java.util.Locale;

/**
 * The three services a Docker Hub client talks to. Each has its own circuit breaker and its own tag in metrics, so
 * a failing token service does not stop pulls from a registry whose tokens are still cached.
 */
public enum EndpointFamily {
    /** The Hub API ({@code hub.docker.com}): repositories, tags, tokens. */
    HUB,
    /** The registry API ({@code registry-1.docker.io}): manifests, blobs, tags. */
    REGISTRY,
    /** Logins and the token service ({@code auth.docker.io}, {@code /v2/users/login}, {@code /v2/auth/token}). */
    AUTH;

    /** The name in metrics, traces and messages: {@code hub}, {@code registry}, {@code auth}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
