package dev.hubsim.core.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.function.Supplier;

/** Where the client reports: its {@link ClientMetrics} and the {@link ObservationRegistry} its spans go to. */
public final class ClientTelemetry {
    private final ClientMetrics metrics;
    private final ObservationRegistry observations;

    public ClientTelemetry(MeterRegistry meters, ObservationRegistry observations) {
        this.metrics = new ClientMetrics(meters);
        this.observations = Objects.requireNonNull(observations, "observations");
    }

    public ClientMetrics metrics() {
        return metrics;
    }

    public ObservationRegistry observations() {
        return observations;
    }

    /** Runs {@code action} in a span named {@code name} (one of {@link DockerSpans}) about {@code repository}. */
    public <T> T observe(String name, String repository, Supplier<T> action) {
        return Observation.createNotStarted(name, observations).highCardinalityKeyValue("repository", repository)
                .observe(action);
    }
}
