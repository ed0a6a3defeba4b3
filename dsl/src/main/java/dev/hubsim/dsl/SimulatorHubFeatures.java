package dev.hubsim.dsl;

import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.vulnerability.ScanReport;
import java.util.List;

/** The Hub-level keywords against the mock, read from the simulator's state (until core's Hub API client lands). */
final class SimulatorHubFeatures implements HubFeatures {
    private final Simulator simulator;

    SimulatorHubFeatures(Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public List<RepositoryInfo> repositories(String namespace) {
        return simulator.registry().repositoriesOf(namespace).stream()
                .map(r -> new RepositoryInfo(r.name(), r.isPrivate(), r.description(), r.pullCount()))
                .toList();
    }

    @Override
    public VulnerabilityReport vulnerabilities(ImageReference image) {
        String name = DockerHubSpec.display(image);
        var digest = simulator.vulnerabilities().resolve(name)
                .orElseThrow(() -> new DslException("no such image: " + name));
        ScanReport report = simulator.vulnerabilities().of(digest)
                .orElseThrow(() -> new DslException("image " + name + " has not been scanned"));
        return new VulnerabilityReport(name, report.vulnerabilities().stream()
                .map(v -> new VulnerabilityReport.Finding(v.id(), v.severity().label(), v.cvssScore(), v.packageName(),
                        v.installedVersion(), v.fixedVersion()))
                .toList());
    }
}
