package dev.hubsim.simulator.realclient;

import dev.hubsim.core.testing.Skopeo;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.fault.FaultRule;
import dev.hubsim.simulator.fault.Operation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults as skopeo meets them: a blob whose bytes do not match its digest makes {@code skopeo copy} fail. */
class SkopeoFaultTest {
    @TempDir
    Path work;

    private Simulator simulator;
    private Skopeo skopeo;
    private OciLayout layout;

    @BeforeEach
    void start() throws IOException {
        skopeo = Skopeo.require(Files.createDirectories(work.resolve("skopeo-home")));
        layout = OciLayout.write(work.resolve("layout"));
        simulator = Simulator.builder().auth(AuthMode.NONE).start();
        skopeo.run("copy", "--dest-tls-verify=false", "--dest-no-creds", "--preserve-digests",
                layout.reference(OciLayout.IMAGE_TAG), docker("faults/app:v1")).orFail();
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aLayerServedWithFlippedBytesFailsTheCopyWithADigestError() {
        String layer = layout.image().layerDigests().get(0);
        simulator.faults().add(FaultRule.when().operation(Operation.BLOB_GET).path("/v2/faults/app/blobs/" + layer)
                .digestMismatch());

        Skopeo.Result copy = skopeo.run("copy", "--src-tls-verify=false", "--src-no-creds",
                docker("faults/app:v1"), "dir:" + work.resolve("pulled"));

        assertThat(copy.succeeded()).as("%s", copy).isFalse();
        assertThat(copy.stderr()).as("%s", copy).containsIgnoringCase("digest").contains(layer);
        assertThat(simulator.faults().list()).singleElement().satisfies(s -> assertThat(s.fired()).isPositive());
    }

    @Test
    void withoutTheFaultTheSameCopySucceeds() {
        skopeo.run("copy", "--src-tls-verify=false", "--src-no-creds", docker("faults/app:v1"),
                "dir:" + work.resolve("pulled")).orFail();
    }

    private String docker(String reference) {
        return "docker://" + simulator.baseUri().getAuthority() + "/" + reference;
    }
}
