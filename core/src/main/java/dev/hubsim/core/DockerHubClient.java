package dev.hubsim.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hubsim.core.auth.Credentials;
import dev.hubsim.core.auth.RegistryAuthInterceptor;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.config.DockerHubConfig;
import dev.hubsim.core.config.Endpoints;
import dev.hubsim.core.hub.HubClient;
import dev.hubsim.core.hub.HubLogin;
import dev.hubsim.core.registry.RegistryClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The Docker Hub client: immutable, thread-safe, meant to be shared. Build one with {@link #builder()} (Docker Hub,
 * anonymous, documented defaults) or from the environment and a YAML file with {@link Builder#config}; derive
 * variants with {@link #newBuilder()}, which share the connection pool.
 * <pre>{@code
 * DockerHubClient client = DockerHubClient.builder()
 *         .config(DockerHubConfig.load(Optional.of(Path.of("hubsim.yaml")), System.getenv()))
 *         .build();
 * FetchedManifest manifest = client.registry().getManifest(ImageReference.parse("nginx:latest"));
 * }</pre>
 */
public final class DockerHubClient {
    /** One configured mapper for every JSON body the client reads or writes. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).addModule(new JavaTimeModule()).build();

    private final DockerHubConfig config;
    private final Clock clock;
    private final OkHttpClient baseHttp;
    private final RegistryClient registry;
    private final HubLogin hubLogin;
    private final HubClient hub;

    private DockerHubClient(Builder builder) {
        this.config = builder.config;
        this.clock = builder.clock;
        this.baseHttp = builder.baseHttp.newBuilder()
                .connectTimeout(config.timeout())
                .readTimeout(config.timeout())
                .writeTimeout(config.timeout())
                .build();
        OkHttpClient.Builder registryHttp = baseHttp.newBuilder();
        policy().forEach(registryHttp::addInterceptor);
        this.registry = new RegistryClient(registryHttp.build(), config.registryUrl(), JSON,
                (int) config.chunkSize(), config.maxRetries());
        this.hubLogin = builder.hubLogin;
        this.hub = new HubClient(baseHttp, config.hubUrl(), JSON,
                hubLogin != null ? hubLogin : config.account().map(HubLogin::of).orElse(null), clock);
    }

    /**
     * The cross-cutting policy, outermost first. Every registry request passes through these in this order.
     * Retry (with backoff and {@code Retry-After}), circuit breaker, rate limit and metrics interceptors belong in
     * this list, before auth, so that each retry is authenticated afresh.
     */
    private List<Interceptor> policy() {
        return List.of(
                RegistryAuthInterceptor.create(baseHttp, JSON, config.credentials(), clock));
    }

    /** A builder for Docker Hub with the defaults, anonymous. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this client's settings; clients built from it share its connection pool. */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /** The registry API: manifests, blobs, tags. */
    public RegistryClient registry() {
        return registry;
    }

    /** The Hub API: repositories, tags, access tokens, vulnerability data. */
    public HubClient hub() {
        return hub;
    }

    /** The settings this client runs with (secrets masked when printed). */
    public DockerHubConfig config() {
        return config;
    }

    @Override
    public String toString() {
        return "DockerHubClient[registry=" + config.registryUrl() + ", account="
                + config.account().map(Credentials::username).orElse("anonymous") + "]";
    }

    /** Builds a {@link DockerHubClient}; every setter validates its value at once. */
    public static final class Builder {
        /** The chunk buffer is one array: at most 1 GiB. */
        private static final long MAX_CHUNK_SIZE = 1L << 30;

        private DockerHubConfig config;
        private Clock clock;
        private OkHttpClient baseHttp;
        private HubLogin hubLogin;

        private Builder() {
            this.config = DockerHubConfig.defaults();
            this.clock = Clock.systemUTC();
            this.baseHttp = new OkHttpClient();
        }

        private Builder(DockerHubClient client) {
            this.config = client.config;
            this.clock = client.clock;
            this.baseHttp = client.baseHttp;
            this.hubLogin = client.hubLogin;
        }

        /** All settings at once, e.g. from {@link DockerHubConfig#load(Optional, Map)}. */
        public Builder config(DockerHubConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            checkChunkSize(config.chunkSize());
            return this;
        }

        /** The registry, e.g. {@code http://127.0.0.1:5000} (plain http only to loopback). */
        public Builder registryUrl(String url) {
            URI uri = Endpoints.require("registryUrl", url);
            return with(new DockerHubConfig(config.hubUrl(), uri, config.authUrl(), config.timeout(), config.chunkSize(),
                    config.maxRetries(), config.circuitBreaker(), config.credentials()));
        }

        /** The Hub API, e.g. {@code https://hub.docker.com}. */
        public Builder hubUrl(String url) {
            URI uri = Endpoints.require("hubUrl", url);
            return with(new DockerHubConfig(uri, config.registryUrl(), config.authUrl(), config.timeout(),
                    config.chunkSize(), config.maxRetries(), config.circuitBreaker(), config.credentials()));
        }

        /** The token service, e.g. {@code https://auth.docker.io}. */
        public Builder authUrl(String url) {
            URI uri = Endpoints.require("authUrl", url);
            return with(new DockerHubConfig(config.hubUrl(), config.registryUrl(), uri, config.timeout(),
                    config.chunkSize(), config.maxRetries(), config.circuitBreaker(), config.credentials()));
        }

        /** Points hub, registry and token service at one server, as the simulator serves them. */
        public Builder baseUrl(String url) {
            return registryUrl(url).hubUrl(url).authUrl(url);
        }

        /** A user name with a password or personal access token. */
        public Builder credentials(String username, SecretString secret) {
            return with(config.withCredentials(new Credentials(username, secret)));
        }

        /**
         * How to sign in to the Hub API when it is not {@code /v2/auth/token} with the credentials (the default): the
         * legacy login with two-factor codes, or an organisation access token. Null goes back to the default.
         */
        public Builder hubLogin(HubLogin login) {
            this.hubLogin = login;
            return this;
        }

        /** No account: anonymous access. */
        public Builder anonymous() {
            return with(config.withCredentials(null));
        }

        public Builder timeout(Duration timeout) {
            return with(new DockerHubConfig(config.hubUrl(), config.registryUrl(), config.authUrl(), timeout,
                    config.chunkSize(), config.maxRetries(), config.circuitBreaker(), config.credentials()));
        }

        /** Bytes per chunk of a chunked upload; blobs up to this size are sent in one request. */
        public Builder chunkSize(long bytes) {
            checkChunkSize(bytes);
            return with(new DockerHubConfig(config.hubUrl(), config.registryUrl(), config.authUrl(), config.timeout(),
                    bytes, config.maxRetries(), config.circuitBreaker(), config.credentials()));
        }

        public Builder maxRetries(int maxRetries) {
            return with(new DockerHubConfig(config.hubUrl(), config.registryUrl(), config.authUrl(), config.timeout(),
                    config.chunkSize(), maxRetries, config.circuitBreaker(), config.credentials()));
        }

        /** The client's clock: it decides when a cached token is old enough to refresh. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The OkHttp client to derive from (its connection pool, dispatcher, proxy, event listener and interceptors are
         * kept; timeouts and the policy chain are set by this builder).
         */
        public Builder httpClient(OkHttpClient base) {
            this.baseHttp = Objects.requireNonNull(base, "base");
            return this;
        }

        public DockerHubClient build() {
            return new DockerHubClient(this);
        }

        private Builder with(DockerHubConfig next) {
            this.config = next;
            return this;
        }

        private static void checkChunkSize(long bytes) {
            if (bytes < 1 || bytes > MAX_CHUNK_SIZE) {
                throw new IllegalArgumentException("chunk size must be between 1 byte and 1 GiB, got " + bytes);
            }
        }
    }
}
