package dev.hubsim.core.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.error.ProtocolViolationException;
import dev.hubsim.core.hub.ScoutMetrics.PolicyImages;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoutMetricsReadingTest {

    @Test
    void samplesKeepTheirLabelsWithEscapesAndIgnoreTimestamps() {
        var samples = PrometheusText.parse("""
                # HELP m a metric
                # TYPE m gauge
                m{a="x \\"quoted\\" \\\\ back",b="line\\nbreak" , } 2.5 1700000000000

                other 7
                """);

        assertThat(samples).containsExactly(
                new PrometheusText.Sample("m", Map.of("a", "x \"quoted\" \\ back", "b", "line\nbreak"), 2.5),
                new PrometheusText.Sample("other", Map.of(), 7));
    }

    @Test
    void scoutGaugesBecomeTypedRecords() {
        ScoutMetrics metrics = ScoutExporter.read("""
                # TYPE scout_stream_vulnerabilities gauge
                scout_stream_vulnerabilities{streamName="latest-indexed",severity="critical"} 2
                scout_stream_vulnerabilities{streamName="latest-indexed",severity="high"} 17
                scout_policy_compliant_images{id="p1",displayName="No criticals",streamName="latest-indexed"} 3
                scout_policy_evaluated_images{id="p1",displayName="No criticals",streamName="latest-indexed"} 5
                go_goroutines 12
                """, "acme");

        assertThat(metrics.vulnerabilities("latest-indexed", Severity.CRITICAL)).isEqualTo(2);
        assertThat(metrics.vulnerabilities("latest-indexed", Severity.HIGH)).isEqualTo(17);
        assertThat(metrics.vulnerabilities("latest-indexed", Severity.LOW)).isZero();
        assertThat(metrics.policies()).containsExactly(new PolicyImages("p1", "No criticals", "latest-indexed", 5, 3));
    }

    @Test
    void aMalformedLineIsAProtocolViolationNamingTheLine() {
        assertThatThrownBy(() -> ScoutExporter.read("ok 1\nscout_stream_vulnerabilities{severity=\"high} 2\n", "acme"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("line 2: a label value is not closed");
        assertThatThrownBy(() -> ScoutExporter.read("m{a=\"b\"} many\n", "acme"))
                .hasMessageContaining("line 1: 'many' is not a sample value");
        assertThatThrownBy(() -> ScoutExporter.read("scout_stream_vulnerabilities{streamName=\"s\",severity=\"dire\"} 1", "acme"))
                .hasMessageContaining("unknown severity 'dire'");
    }
}
