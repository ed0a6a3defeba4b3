package dev.hubsim.core.observability;

import dev.hubsim.core.resilience.CircuitState;
import dev.hubsim.core.resilience.EndpointFamily;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The client's meters, by name:
 * <ul>
 *   <li>{@value #PULLS}, {@value #PUSHES}: manifest GETs (a pull as Docker Hub counts it) and manifest PUTs done</li>
 *   <li>{@value #BYTES_DOWNLOADED}, {@value #BYTES_UPLOADED}: bytes of response and request bodies on the wire</li>
 *   <li>{@value #REQUESTS}: timer with histogram (and fixed buckets 50 ms, 250 ms, 1 s, 5 s, 30 s) of each
 *   request as the caller sees it (retries included), tagged
 *   {@code family}, {@code method}, {@code outcome} (the status, or {@code IO_ERROR}, ...)</li>
 *   <li>{@value #ERRORS}: failed requests tagged {@code family} and {@code code} (the registry error code such as
 *   {@code MANIFEST_UNKNOWN}, else {@code HTTP_<status>}, {@code IO_ERROR}, {@code CIRCUIT_OPEN},
 *   {@code RATE_LIMITED}, ...)</li>
 *   <li>{@value #RATE_LIMIT_LIMIT}, {@value #RATE_LIMIT_REMAINING}: gauges tagged {@code kind} ({@code pull},
 *   {@code hub}); NaN while unknown or unlimited</li>
 *   <li>{@value #CIRCUIT_STATE}: gauge per {@code family} and {@code state}: 1 for the current state, else 0</li>
 *   <li>{@value #VULNERABILITIES}: gauge per {@code image} and {@code severity}, set by
 *   {@link #recordVulnerabilities}</li>
 * </ul>
 */
public final class ClientMetrics {
    public static final String PULLS = "docker.pulls";
    public static final String PUSHES = "docker.pushes";
    public static final String BYTES_DOWNLOADED = "docker.bytes.downloaded";
    public static final String BYTES_UPLOADED = "docker.bytes.uploaded";
    public static final String REQUESTS = "docker.client.requests";
    public static final String ERRORS = "docker.client.errors";
    public static final String RATE_LIMIT_LIMIT = "docker.ratelimit.limit";
    public static final String RATE_LIMIT_REMAINING = "docker.ratelimit.remaining";
    public static final String CIRCUIT_STATE = "docker.circuit.state";
    public static final String VULNERABILITIES = "docker.vulnerabilities";
    /** Latency bounds every registry shows as histogram buckets (percentile histograms where the backend has them). */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(250), Duration.ofSeconds(1),
        Duration.ofSeconds(5), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    private final Counter pulls;
    private final Counter pushes;
    private final Counter downloaded;
    private final Counter uploaded;
    private final ConcurrentMap<String, ConcurrentMap<String, AtomicLong>> vulnerabilities = new ConcurrentHashMap<>();

    public ClientMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.pulls = Counter.builder(PULLS).description("manifest GETs, as Docker Hub counts pulls").register(registry);
        this.pushes = Counter.builder(PUSHES).description("manifests pushed").register(registry);
        this.downloaded = Counter.builder(BYTES_DOWNLOADED).baseUnit("bytes").register(registry);
        this.uploaded = Counter.builder(BYTES_UPLOADED).baseUnit("bytes").register(registry);
    }

    /** The registry the meters are in. */
    public MeterRegistry registry() {
        return registry;
    }

    /** One manifest fetched. */
    public void pulled() {
        pulls.increment();
    }

    /** One manifest pushed. */
    public void pushed() {
        pushes.increment();
    }

    void downloaded(long bytes) {
        downloaded.increment(bytes);
    }

    void uploaded(long bytes) {
        uploaded.increment(bytes);
    }

    void requestCompleted(EndpointFamily family, String method, String outcome, long nanos) {
        Timer.builder(REQUESTS).tags("family", family.tag(), "method", method, "outcome", outcome)
                .publishPercentileHistogram().serviceLevelObjectives(LATENCY_BUCKETS).register(registry)
                .record(Duration.ofNanos(nanos));
    }

    void failed(EndpointFamily family, String code) {
        Counter.builder(ERRORS).tags("family", family.tag(), "code", code).register(registry).increment();
    }

    /** Gauges of a rate limit ({@code kind} {@code pull} or {@code hub}); a negative value reads NaN. */
    public void rateLimitGauges(String kind, Supplier<Number> limit, Supplier<Number> remaining) {
        Gauge.builder(RATE_LIMIT_LIMIT, () -> known(limit.get())).tag("kind", kind).register(registry);
        Gauge.builder(RATE_LIMIT_REMAINING, () -> known(remaining.get())).tag("kind", kind).register(registry);
    }

    /** Gauges of a circuit breaker's state. */
    public void circuitGauges(EndpointFamily family, Supplier<CircuitState> state) {
        for (CircuitState each : CircuitState.values()) {
            Gauge.builder(CIRCUIT_STATE, () -> state.get() == each ? 1 : 0)
                    .tags("family", family.tag(), "state", each.name().toLowerCase(Locale.ROOT)).register(registry);
        }
    }

    /**
     * Sets the vulnerability gauges of one image from a scan: counts by severity ({@code critical}, {@code high},
     * {@code medium}, {@code low}, {@code unspecified}; case-insensitive). Severities of an earlier scan of the
     * image that this one does not name drop to 0.
     *
     * @param image an image reference or digest, e.g. {@code alice/app:1.0}
     */
    public void recordVulnerabilities(String image, Map<String, Long> countsBySeverity) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("image must not be blank");
        }
        Objects.requireNonNull(countsBySeverity, "countsBySeverity");
        ConcurrentMap<String, AtomicLong> gauges = vulnerabilities.computeIfAbsent(image, i -> new ConcurrentHashMap<>());
        gauges.values().forEach(count -> count.set(0));
        countsBySeverity.forEach((severity, count) -> {
            if (severity == null || severity.isBlank() || count == null || count < 0) {
                throw new IllegalArgumentException("vulnerability counts need a severity and a count >= 0, got "
                        + severity + "=" + count);
            }
            String key = severity.trim().toLowerCase(Locale.ROOT);
            gauges.computeIfAbsent(key, s -> {
                AtomicLong value = new AtomicLong();
                Gauge.builder(VULNERABILITIES, value::get).tags("image", image, "severity", s).register(registry);
                return value;
            }).set(count);
        });
    }

    private static double known(Number value) {
        return value.doubleValue() < 0 ? Double.NaN : value.doubleValue();
    }
}
