package dev.hubsim.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.error.AuthenticationException;
import dev.hubsim.core.error.HubErrorException;
import dev.hubsim.core.hub.HubClient;
import dev.hubsim.core.hub.NewAccessToken;
import dev.hubsim.core.hub.ScoutMetrics;
import dev.hubsim.core.hub.Severity;
import dev.hubsim.core.hub.VulnerabilityCounts;
import dev.hubsim.core.hub.VulnerabilityReport;
import dev.hubsim.core.hub.VulnerabilityReport.Finding;
import dev.hubsim.simulator.vulnerability.Vulnerability;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Vulnerability data: the simulator's own JSON endpoint and Docker Scout's metrics exporter, read by the client. */
class HubVulnerabilitiesClientTest {
    private final HubClientCast cast = HubClientCast.start();

    @BeforeEach
    void scan() {
        cast.simulator.vulnerabilities().set("alice/open:2.0", List.of(
                new Vulnerability("CVE-2024-6387", dev.hubsim.simulator.vulnerability.Severity.HIGH, 8.1, "openssh",
                        "9.2p1-2", "9.2p1-2+deb12u3"),
                new Vulnerability("CVE-2023-0001", dev.hubsim.simulator.vulnerability.Severity.CRITICAL, null,
                        "pkg:deb/debian/openssl", "3.0.1", null)));
    }

    @AfterEach
    void stop() {
        cast.close();
    }

    @Test
    void hubsimsJsonReportIsReadIntoTypedRecords() {
        VulnerabilityReport report = cast.alice().hub().hubsimVulnerabilities().of("alice/open:2.0").orElseThrow();

        assertThat(report.digest()).isEqualTo(cast.simulator.vulnerabilities().resolve("alice/open:2.0")
                .orElseThrow().toString());
        assertThat(report.summary()).isEqualTo(new VulnerabilityCounts(1, 1, 0, 0, 0, 2));
        assertThat(report.vulnerabilities()).containsExactlyInAnyOrder(
                new Finding("CVE-2024-6387", Severity.HIGH, 8.1, "openssh", "9.2p1-2", "9.2p1-2+deb12u3"),
                new Finding("CVE-2023-0001", Severity.CRITICAL, null, "pkg:deb/debian/openssl", "3.0.1", null));
        assertThat(cast.alice().hub().hubsimVulnerabilities().of("alice/open:1.0")).isEmpty();
    }

    @Test
    void theScoutExporterIsReadWithAnOwnersPersonalAccessToken() {
        HubClient alice = cast.anonymous().credentials("alice", SecretString.of(HubClientCast.ALICE_PAT)).build().hub();

        ScoutMetrics metrics = alice.scoutExporter(cast.simulator.baseUri().toString()).metrics("alice");

        assertThat(metrics.vulnerabilities("latest-indexed", Severity.CRITICAL)).isEqualTo(1);
        assertThat(metrics.vulnerabilities("latest-indexed", Severity.HIGH)).isEqualTo(1);
        assertThat(metrics.vulnerabilities("latest-indexed", Severity.LOW)).isZero();
        assertThat(metrics.policies()).singleElement().satisfies(policy -> {
            assertThat(policy.evaluated()).isEqualTo(1);
            assertThat(policy.compliant()).isZero();
            assertThat(policy.streamName()).isEqualTo("latest-indexed");
        });
    }

    @Test
    void theScoutExporterRefusesAPasswordAndOutsiders() {
        String scout = cast.simulator.baseUri().toString();
        HubClient withPassword = cast.alice().hub();

        assertThatThrownBy(() -> withPassword.scoutExporter(scout).metrics("alice"))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("needs a personal access token of an owner of alice");
        assertThatThrownBy(() -> cast.anonymous().build().hub().scoutExporter(scout).metrics("alice"))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aMemberOfAnotherOrganisationIsRefused() {
        String bobPat = cast.anonymous().credentials("bob", SecretString.of(HubClientCast.BOB_PASSWORD)).build().hub()
                .accessTokens().create(NewAccessToken.of("scout", "repo:read")).secret().reveal();
        HubClient bob = cast.anonymous().credentials("bob", SecretString.of(bobPat)).build().hub();

        assertThatThrownBy(() -> bob.scoutExporter(cast.simulator.baseUri().toString()).metrics("acme"))
                .isInstanceOfSatisfying(HubErrorException.class, e -> assertThat(e.status()).isEqualTo(403))
                .hasMessageContaining("bob is not an owner of acme");
    }
}
