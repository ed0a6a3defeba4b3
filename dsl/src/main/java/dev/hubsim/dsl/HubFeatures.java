package dev.hubsim.dsl;

import dev.hubsim.core.reference.ImageReference;
import java.util.List;

/**
 * The Hub-level keywords ({@code repositories}, {@code vulnerabilities}) behind one seam: each becomes one call of the
 * client's Hub API ({@code client.hub()}) once core has it; until then the mock answers from the simulator's state and
 * other targets refuse with a message naming the keyword.
 */
interface HubFeatures {
    /** The repositories of a namespace. */
    List<RepositoryInfo> repositories(String namespace);

    /** The scan result of an image. */
    VulnerabilityReport vulnerabilities(ImageReference image);

    /** Refuses every keyword, naming the target. */
    static HubFeatures unavailable(Target target) {
        return new HubFeatures() {
            @Override
            public List<RepositoryInfo> repositories(String namespace) {
                throw refusal("repositories");
            }

            @Override
            public VulnerabilityReport vulnerabilities(ImageReference image) {
                throw refusal("vulnerabilities");
            }

            private DslException refusal(String keyword) {
                return new DslException("'" + keyword + "' needs the client's Hub API, which this build has only "
                        + "against target mock, not " + target.label());
            }
        };
    }
}
