package dev.hubsim.core.hub;

import java.util.List;

/**
 * What Docker Scout's metrics exporter reports for an organisation (reference §7; docs.docker.com, Scout metrics
 * exporter): vulnerabilities per stream and severity ({@code scout_stream_vulnerabilities}), and per policy the images
 * evaluated and those compliant ({@code scout_policy_evaluated_images}, {@code scout_policy_compliant_images}).
 */
public record ScoutMetrics(List<StreamVulnerabilities> vulnerabilities, List<PolicyImages> policies) {

    public ScoutMetrics {
        vulnerabilities = List.copyOf(vulnerabilities);
        policies = List.copyOf(policies);
    }

    /** The vulnerabilities of one severity in a stream; 0 when the exporter did not report it. */
    public long vulnerabilities(String streamName, Severity severity) {
        return vulnerabilities.stream().filter(v -> v.streamName().equals(streamName) && v.severity() == severity)
                .mapToLong(StreamVulnerabilities::count).sum();
    }

    /** A {@code scout_stream_vulnerabilities{streamName,severity}} sample. */
    public record StreamVulnerabilities(String streamName, Severity severity, long count) {
    }

    /** A policy's images in a stream: evaluated, and of those compliant. */
    public record PolicyImages(String id, String displayName, String streamName, long evaluated, long compliant) {
    }
}
