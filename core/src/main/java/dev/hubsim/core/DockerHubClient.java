package dev.hubsim.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hubsim.core.auth.Credentials;
import dev.hubsim.core.auth.RegistryAuthInterceptor;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.config.DockerHubConfig;
import dev.hubsim.core.config.DockerHubConfig.CircuitBreakerSettings;
import dev.hubsim.core.config.Endpoints;
import dev.hubsim.core.observability.ClientMetrics;
import dev.hubsim.core.observability.ClientTelemetry;
import dev.hubsim.core.observability.HttpExecuteInterceptor;
import dev.hubsim.core.observability.RequestObservationInterceptor;
import dev.hubsim.core.ratelimit.ClientThrottle;
import dev.hubsim.core.ratelimit.RateLimitInterceptor;
import dev.hubsim.core.ratelimit.RateLimitStatus;
import dev.hubsim.core.ratelimit.RateLimitTracker;
import dev.hubsim.core.registry.ImageClient;
import dev.hubsim.core.hub.HubClient;
import dev.hubsim.core.hub.HubLogin;
import dev.hubsim.core.registry.RegistryClient;
import dev.hubsim.core.resilience.CircuitBreakers;
import dev.hubsim.core.resilience.CircuitState;
import dev.hubsim.core.resilience.EndpointFamily;
import dev.hubsim.core.resilience.RetryInterceptor;
import dev.hubsim.core.resilience.RetrySettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
 * Every request passes through the ordered {@link #policy(EndpointFamily) policy}: spans and metrics, retries,
 * a circuit breaker per endpoint family, rate limits, registry auth. Metrics go to the builder's
 * {@link Builder#meterRegistry MeterRegistry} and spans to its {@link Builder#observationRegistry ObservationRegistry}
 * (both no-op by default); clients derived with {@link #newBuilder()} get their own breakers and rate-limit status,
 * and on a shared {@code MeterRegistry} the gauges keep reporting the first client's.
 */
public final class DockerHubClient {
    /** One configured mapper for every JSON body the client reads or writes. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).addModule(new JavaTimeModule()).build();

    private final DockerHubConfig config;
    private final Clock clock;
    private final OkHttpClient baseHttp;
    private final Builder settings;
    private final ClientTelemetry telemetry;
    private final RetrySettings retry;
    private final CircuitBreakers breakers;
    private final RateLimitTracker rateLimits;
    private final ClientThrottle throttle;
    private final OkHttpClient tokenHttp;
    private final RegistryClient registry;
    private final HubLogin hubLogin;
    private final HubClient hub;

    private DockerHubClient(Builder builder) {
        this.config = builder.config;
        this.clock = builder.clock;
        this.settings = builder.copy();
        this.baseHttp = builder.baseHttp.newBuilder()
                .retryOnConnectionFailure(false)
                .connectTimeout(config.timeout())
                .readTimeout(config.timeout())
                .writeTimeout(config.timeout())
                .build();
        this.telemetry = new ClientTelemetry(builder.meters, builder.observations);
        this.retry = builder.retry.withMaxRetries(config.maxRetries());
        this.breakers = new CircuitBreakers(config.circuitBreaker(), clock);
        this.rateLimits = new RateLimitTracker(clock);
        this.throttle = builder.throttlePermits == 0 ? null
                : ClientThrottle.of(builder.throttlePermits, builder.throttlePeriod, config.timeout());
        this.tokenHttp = withPolicy(EndpointFamily.AUTH);
        this.registry = new RegistryClient(withPolicy(EndpointFamily.REGISTRY), config.registryUrl(), JSON,
                (int) config.chunkSize(), config.maxRetries(), telemetry, clock);
        bindGauges();
        this.hubLogin = builder.hubLogin;
        this.hub = new HubClient(withPolicy(EndpointFamily.HUB), config.hubUrl(), JSON,
                hubLogin != null ? hubLogin : config.account().map(HubLogin::of).orElse(null), clock);
    }

    /**
     * The cross-cutting policy of one endpoint family, outermost first; every request of the family passes through
     * these in this order:
     * <ol>
     *   <li>spans and metrics: {@code docker.request} (for auth {@code docker.auth.get_token} or
     *   {@code docker.auth.login}) around everything below, the request timer and the error counter;</li>
     *   <li>retry ({@link RetryInterceptor}): idempotent requests only, exponential backoff with jitter, 502/503/504,
     *   connection failures, 429 only with a {@code Retry-After} within {@link Builder#rateLimitWait}; at most
     *   {@code max_retries};</li>
     *   <li>the family's circuit breaker: each attempt counts; while open, requests fail fast;</li>
     *   <li>rate limits (hub, registry): the client-side throttle and the fail-fast check before a counted request
     *   ({@code docker.rate_limiter.check}), the status read from each answer;</li>
     *   <li>registry auth (registry): bearer tokens, fetched through the auth family's policy, so each retry is
     *   authenticated afresh;</li>
     *   <li>{@code docker.http.execute}: one span per attempt on the wire; bytes up and down.</li>
     * </ol>
     * OkHttp's own silent retry after a connection failure is off: it would send a {@code PATCH} whose answer was
     * lost a second time. Retries are this list's alone.
     */
    List<Interceptor> policy(EndpointFamily family) {
        List<Interceptor> policy = new ArrayList<>();
        policy.add(new RequestObservationInterceptor(family, telemetry, JSON));
        policy.add(RetryInterceptor.create(family, retry, clock));
        policy.add(breakers.interceptor(family));
        if (family != EndpointFamily.AUTH) {
            policy.add(new RateLimitInterceptor(family, rateLimits, throttle, telemetry.observations()));
        }
        if (family == EndpointFamily.REGISTRY) {
            policy.add(RegistryAuthInterceptor.create(tokenHttp, JSON, config.credentials(), clock));
        }
        policy.add(new HttpExecuteInterceptor(telemetry));
        return List.copyOf(policy);
    }

    private OkHttpClient withPolicy(EndpointFamily family) {
        OkHttpClient.Builder http = baseHttp.newBuilder();
        policy(family).forEach(http::addInterceptor);
        return http.build();
    }

    private void bindGauges() {
        ClientMetrics metrics = telemetry.metrics();
        metrics.rateLimitGauges("pull", () -> rateLimits.pull().limit(), () -> rateLimits.pull().remaining());
        metrics.rateLimitGauges("hub", () -> rateLimits.hub().limit(), () -> rateLimits.hub().remaining());
        for (EndpointFamily family : EndpointFamily.values()) {
            metrics.circuitGauges(family, () -> breakers.state(family));
        }
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

    /** Whole images: pull into and push from OCI image layouts. */
    public ImageClient images() {
        return registry.images();
    }

    /** Docker Hub's pull rate limit as the last manifest answer showed it. */
    public RateLimitStatus rateLimit() {
        return rateLimits.pull();
    }

    /** The Hub API's rate limit as the last Hub API answer showed it. */
    public RateLimitStatus hubRateLimit() {
        return rateLimits.hub();
    }

    /** The state of one endpoint family's circuit breaker. */
    public CircuitState circuitState(EndpointFamily family) {
        return breakers.state(family);
    }

    /** The client's meters; {@link ClientMetrics#recordVulnerabilities} sets the vulnerability gauges. */
    public ClientMetrics metrics() {
        return telemetry.metrics();
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
        /** An empty composite registry: meters registered in it record nothing. */
        private MeterRegistry meters = new CompositeMeterRegistry();
        private ObservationRegistry observations = ObservationRegistry.NOOP;
        /** Backoff and Retry-After wait; the number of retries comes from the config at build. */
        private RetrySettings retry = RetrySettings.of(DockerHubConfig.DEFAULT_MAX_RETRIES);
        private long throttlePermits;
        private Duration throttlePeriod;
        private HubLogin hubLogin;

        private Builder() {
            this.config = DockerHubConfig.defaults();
            this.clock = Clock.systemUTC();
            this.baseHttp = new OkHttpClient();
        }

        private Builder(DockerHubClient client) {
            this(client.settings);
            this.baseHttp = client.baseHttp;
            this.hubLogin = client.hubLogin;
        }

        private Builder(Builder other) {
            this.config = other.config;
            this.clock = other.clock;
            this.baseHttp = other.baseHttp;
            // The default registry records nothing; a fresh one keeps the new client's gauges from clashing with these.
            this.meters = other.meters instanceof CompositeMeterRegistry composite && composite.getRegistries().isEmpty()
                    ? new CompositeMeterRegistry() : other.meters;
            this.observations = other.observations;
            this.retry = other.retry;
            this.throttlePermits = other.throttlePermits;
            this.throttlePeriod = other.throttlePeriod;
        }

        private Builder copy() {
            return new Builder(this);
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

        /**
         * Blobs smaller than this are sent in one request; larger ones with PATCH: a file streamed in one PATCH, a
         * stream or bytes in chunks of this size (see {@link DockerHubConfig#chunkSize()}).
         */
        public Builder chunkSize(long bytes) {
            checkChunkSize(bytes);
            return with(new DockerHubConfig(config.hubUrl(), config.registryUrl(), config.authUrl(), config.timeout(),
                    bytes, config.maxRetries(), config.circuitBreaker(), config.credentials()));
        }

        public Builder maxRetries(int maxRetries) {
            return with(new DockerHubConfig(config.hubUrl(), config.registryUrl(), config.authUrl(), config.timeout(),
                    config.chunkSize(), maxRetries, config.circuitBreaker(), config.credentials()));
        }

        /** Opens a breaker after this many failed requests in a row; lets a trial through after {@code resetTimeout}. */
        public Builder circuitBreaker(int failureThreshold, Duration resetTimeout) {
            return with(new DockerHubConfig(config.hubUrl(), config.registryUrl(), config.authUrl(), config.timeout(),
                    config.chunkSize(), config.maxRetries(), new CircuitBreakerSettings(failureThreshold, resetTimeout),
                    config.credentials()));
        }

        /** The first wait between retries and the longest (exponential, with ±50 % jitter; default 500 ms and 10 s). */
        public Builder retryBackoff(Duration initial, Duration max) {
            this.retry = retry.withBackoff(initial, max);
            return this;
        }

        /**
         * Allows waiting for a {@code Retry-After} (429, or 502/503/504) of at most {@code maxWait} before a retry;
         * default zero: a 429 goes back to the caller at once as a
         * {@link dev.hubsim.core.error.RateLimitException} that says how long to wait.
         */
        public Builder rateLimitWait(Duration maxWait) {
            this.retry = retry.withMaxRetryAfterWait(maxWait);
            return this;
        }

        /**
         * A client-side throttle (Bucket4j): at most {@code permits} counted requests (manifest GETs, Hub API
         * requests) per {@code period}; a request waits for a permit up to the client's timeout.
         */
        public Builder throttle(long permits, Duration period) {
            ClientThrottle.of(permits, period, Duration.ZERO);
            this.throttlePermits = permits;
            this.throttlePeriod = period;
            return this;
        }

        /** Where metrics go (default: nowhere); see {@link ClientMetrics} for the meters. */
        public Builder meterRegistry(MeterRegistry meters) {
            this.meters = Objects.requireNonNull(meters, "meters");
            return this;
        }

        /**
         * Where spans go (default: {@link ObservationRegistry#NOOP}); {@link dev.hubsim.core.observability.DockerSpans}
         * lists them.
         */
        public Builder observationRegistry(ObservationRegistry observations) {
            this.observations = Objects.requireNonNull(observations, "observations");
            return this;
        }

        /**
         * The client's clock: it decides when a cached token is old enough to refresh, when a rate-limit window has
         * reset and when an open circuit breaker lets a trial request through.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The OkHttp client to derive from (its connection pool, dispatcher, proxy, event listener and interceptors are
         * kept; timeouts, the policy chain and OkHttp's retry on connection failure (off: the policy retries) are set
         * by this builder).
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
