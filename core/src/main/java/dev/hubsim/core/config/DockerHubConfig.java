package dev.hubsim.core.config;

import dev.hubsim.core.auth.Credentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's settings. {@link #load} layers them as documented: environment ({@code DOCKER_HUB_USERNAME},
 * {@code DOCKER_HUB_PASSWORD}, {@code DOCKER_HUB_ACCESS_TOKEN}) over a YAML file ({@code docker_hub:} section) over
 * {@link #defaults()}. Prints without secrets.
 *
 * @param hubUrl         the Hub API, default {@code https://hub.docker.com}
 * @param registryUrl    the registry API, default {@code https://registry-1.docker.io}
 * @param authUrl        the token service, default {@code https://auth.docker.io}
 * @param timeout        connect, read and write timeout, default 60 s
 * @param chunkSize      blobs smaller than this go in one request; larger ones are uploaded with PATCH: a file in one
 *                       streamed PATCH (resumed from the registry's offset after a failure), a stream or bytes in
 *                       chunks of this size through one buffer; default 5 MiB
 * @param maxRetries     retries of an idempotent request, and resumes of a broken download or upload chunk; default 3
 * @param circuitBreaker the circuit breaker's settings
 * @param credentials    the account, or null for anonymous access
 */
public record DockerHubConfig(URI hubUrl, URI registryUrl, URI authUrl, Duration timeout, long chunkSize, int maxRetries,
                              CircuitBreakerSettings circuitBreaker, Credentials credentials) {

    public static final String DEFAULT_HUB_URL = "https://hub.docker.com";
    public static final String DEFAULT_REGISTRY_URL = "https://registry-1.docker.io";
    public static final String DEFAULT_AUTH_URL = "https://auth.docker.io";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_CHUNK_SIZE = 5L * 1024 * 1024;
    public static final int DEFAULT_MAX_RETRIES = 3;

    public DockerHubConfig {
        Objects.requireNonNull(hubUrl, "hubUrl");
        Objects.requireNonNull(registryUrl, "registryUrl");
        Objects.requireNonNull(authUrl, "authUrl");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1 byte, got " + chunkSize);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
    }

    /** Docker Hub, anonymous, with the documented defaults. */
    public static DockerHubConfig defaults() {
        return new DockerHubConfig(URI.create(DEFAULT_HUB_URL), URI.create(DEFAULT_REGISTRY_URL),
                URI.create(DEFAULT_AUTH_URL), DEFAULT_TIMEOUT, DEFAULT_CHUNK_SIZE, DEFAULT_MAX_RETRIES,
                CircuitBreakerSettings.DEFAULTS, null);
    }

    /**
     * Environment over the YAML file (when given) over the defaults.
     *
     * @param file        a YAML file with a {@code docker_hub:} section, or empty
     * @param environment the environment, e.g. {@code System.getenv()}; tests pass a map
     * @throws dev.hubsim.core.error.ConfigurationException naming the file and the field that is wrong
     */
    public static DockerHubConfig load(Optional<Path> file, Map<String, String> environment) {
        DockerHubConfig fromFile = file.map(path -> YamlConfigReader.read(path, defaults())).orElse(defaults());
        return EnvironmentCredentials.read(environment).map(fromFile::withCredentials).orElse(fromFile);
    }

    /** The account, when configured. */
    public Optional<Credentials> account() {
        return Optional.ofNullable(credentials);
    }

    public DockerHubConfig withCredentials(Credentials credentials) {
        return new DockerHubConfig(hubUrl, registryUrl, authUrl, timeout, chunkSize, maxRetries, circuitBreaker, credentials);
    }

    /** Circuit breaker settings: open after {@code failureThreshold} failures, try again after {@code resetTimeout}. */
    public record CircuitBreakerSettings(int failureThreshold, Duration resetTimeout) {
        public static final CircuitBreakerSettings DEFAULTS = new CircuitBreakerSettings(5, Duration.ofSeconds(30));

        public CircuitBreakerSettings {
            if (failureThreshold < 1) {
                throw new IllegalArgumentException("failureThreshold must be >= 1, got " + failureThreshold);
            }
            Objects.requireNonNull(resetTimeout, "resetTimeout");
        }
    }
}
