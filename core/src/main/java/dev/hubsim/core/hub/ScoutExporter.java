package dev.hubsim.core.hub;

import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.error.AuthenticationException;
import dev.hubsim.core.error.HubErrorException;
import dev.hubsim.core.error.ProtocolViolationException;
import dev.hubsim.core.error.TransportException;
import dev.hubsim.core.hub.PrometheusText.Sample;
import dev.hubsim.core.hub.ScoutMetrics.PolicyImages;
import dev.hubsim.core.hub.ScoutMetrics.StreamVulnerabilities;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Docker Scout's metrics exporter (reference §7): {@code GET <scout>/v1/exporter/org/<ORG>/metrics} with
 * {@code Authorization: Bearer <personal access token of an organisation owner>}, answered in Prometheus text and
 * read into {@link ScoutMetrics}. Docker serves it at {@value #DOCKER_SCOUT_URL}; the simulator on its own port.
 */
public final class ScoutExporter {
    public static final String DOCKER_SCOUT_URL = "https://api.scout.docker.com";
    private static final String OPERATION = "read Scout metrics";
    private static final long BODY_LIMIT = 4L * 1024 * 1024;

    private final OkHttpClient http;
    private final HttpUrl base;
    private final SecretString token;

    ScoutExporter(OkHttpClient http, HttpUrl base, SecretString token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    /** The organisation's metrics. */
    public ScoutMetrics metrics(String organisation) {
        HttpUrl url = base.newBuilder().addPathSegments("v1/exporter/org").addPathSegment(organisation)
                .addPathSegment("metrics").build();
        Request.Builder request = new Request.Builder().url(url).header("Accept", "text/plain");
        if (token != null) {
            request.header("Authorization", "Bearer " + token.reveal());
        }
        try (Response response = http.newCall(request.build()).execute()) {
            String body = response.peekBody(BODY_LIMIT).string();
            if (response.code() == 401) {
                throw new AuthenticationException(OPERATION, organisation, 401, "the exporter needs a personal access "
                        + "token of an owner of " + organisation + " (HTTP 401)");
            }
            if (response.code() != 200) {
                throw new HubErrorException(OPERATION, organisation, response.code(), firstLine(body), Map.of());
            }
            return read(body, organisation);
        } catch (IOException e) {
            throw new TransportException(OPERATION, organisation, e);
        }
    }

    /** The Scout gauges of an exposition; other metrics are ignored. */
    static ScoutMetrics read(String text, String organisation) {
        List<Sample> samples;
        try {
            samples = PrometheusText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolationException(OPERATION, organisation, 200,
                    "the exporter's answer is not Prometheus text: " + e.getMessage());
        }
        List<StreamVulnerabilities> vulnerabilities = new ArrayList<>();
        Map<List<String>, long[]> policies = new LinkedHashMap<>();
        for (Sample sample : samples) {
            switch (sample.name()) {
                case "scout_stream_vulnerabilities" -> vulnerabilities.add(new StreamVulnerabilities(
                        sample.label("streamName"), severity(sample, organisation), (long) sample.value()));
                case "scout_policy_evaluated_images" -> policy(policies, sample)[0] = (long) sample.value();
                case "scout_policy_compliant_images" -> policy(policies, sample)[1] = (long) sample.value();
                default -> {
                }
            }
        }
        List<PolicyImages> images = new ArrayList<>();
        policies.forEach((key, counts) -> images.add(new PolicyImages(key.get(0), key.get(1), key.get(2), counts[0],
                counts[1])));
        return new ScoutMetrics(vulnerabilities, images);
    }

    private static long[] policy(Map<List<String>, long[]> policies, Sample sample) {
        return policies.computeIfAbsent(List.of(sample.label("id"), sample.label("displayName"),
                sample.label("streamName")), key -> new long[2]);
    }

    private static Severity severity(Sample sample, String organisation) {
        try {
            return Severity.parse(sample.label("severity"));
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolationException(OPERATION, organisation, 200, e.getMessage());
        }
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").strip();
    }
}
