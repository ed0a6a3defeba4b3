package dev.hubsim.core.hub;

import dev.hubsim.core.hub.HubCaller.Operation;
import java.util.Optional;

/**
 * Scan results from <b>hubsim's own</b> JSON endpoint, {@code GET /_hubsim/vulnerabilities/<image>}. Docker Hub has
 * no public vulnerability API (reference §7): against Docker Hub use {@link ScoutExporter} instead. Sent without
 * credentials, so it works against a simulator without an admin token.
 */
public final class HubsimVulnerabilities {
    private final HubCaller caller;

    HubsimVulnerabilities(HubCaller caller) {
        this.caller = caller;
    }

    /**
     * The scan results of an image: {@code acme/web:1.0}, {@code acme/web@sha256:...} or {@code sha256:...}; empty
     * when the image or its results are unknown.
     */
    public Optional<VulnerabilityReport> of(String image) {
        return caller.find(caller.url("_hubsim", "vulnerabilities").newBuilder().addPathSegments(image).build(),
                caller.type(VulnerabilityReport.class), new Operation("read vulnerabilities", image));
    }
}
