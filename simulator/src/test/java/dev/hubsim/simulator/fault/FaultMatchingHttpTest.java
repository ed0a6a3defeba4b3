package dev.hubsim.simulator.fault;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.simulator.testing.OpenSimulatorTest;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests a rule matches: method, path glob, repository, operation; all given must match. */
class FaultMatchingHttpTest extends OpenSimulatorTest {
    private Image image;

    @BeforeEach
    void pushImages() {
        image = TestImages.ociImage();
        http.pushImage("alice/app", "v1", image);
        http.pushImage("library/nginx", "v1", image);
    }

    private void refuse(FaultRule.Builder rule) {
        simulator.faults().add(rule.respond(RegistryErrorCode.DENIED));
    }

    private String layer() {
        return image.blobs().get(1).digest().toString();
    }

    @Test
    void aMethodMatchesOnlyThatMethod() {
        refuse(FaultRule.when().method("head"));

        assertThat(http.head("/v2/alice/app/manifests/v1").status()).isEqualTo(403);
        assertThat(http.getManifest("alice/app", "v1").status()).isEqualTo(200);
    }

    @Test
    void aPathGlobStarStaysInOneSegmentAndDoubleStarCrossesSegments() {
        refuse(FaultRule.when().path("/v2/*/blobs/*"));
        refuse(FaultRule.when().path("/v2/library/**/manifests/*"));

        assertThat(http.get("/v2/alice/app/blobs/" + layer()).status()).isEqualTo(200);
        assertThat(http.getManifest("alice/app", "v1").status()).isEqualTo(200);
        assertThat(http.getManifest("library/nginx", "v1").status()).isEqualTo(403);
        assertThat(http.get("/v2/_catalog").status()).isEqualTo(200);
    }

    @Test
    void aRepositoryMatchesItsRegistryAndUploadRoutes() {
        refuse(FaultRule.when().repository("library/*"));

        assertThat(http.getManifest("library/nginx", "v1").status()).isEqualTo(403);
        assertThat(http.get("/v2/library/nginx/blobs/" + layer()).status()).isEqualTo(403);
        assertThat(http.post("/v2/library/nginx/blobs/uploads/", new byte[0]).status()).isEqualTo(403);
        assertThat(http.get("/v2/library/nginx/tags/list").status()).isEqualTo(403);
        assertThat(http.getManifest("alice/app", "v1").status()).isEqualTo(200);
        assertThat(http.get("/v2/").status()).isEqualTo(200);
    }

    @Test
    void anOperationMatchesItsRequestsOnly() {
        refuse(FaultRule.when().operation(Operation.MANIFEST_PUT));

        assertThat(http.putManifest("alice/app", "v2", image.bytes(), image.mediaType()).status()).isEqualTo(403);
        assertThat(http.getManifest("alice/app", "v1").status()).isEqualTo(200);
        assertThat(http.pushBlob("alice/app", TestImages.randomBytes(10))).isNotNull();
    }

    @Test
    void blobUploadMatchesTheStartAndTheUploadSession() {
        String location = http.startUpload("alice/app");
        refuse(FaultRule.when().operation(Operation.BLOB_UPLOAD));

        assertThat(http.post("/v2/alice/app/blobs/uploads/", new byte[0]).status()).isEqualTo(403);
        assertThat(http.patch(location, new byte[] {1, 2}).status()).isEqualTo(403);
        assertThat(http.get("/v2/alice/app/blobs/" + layer()).status()).isEqualTo(200);
    }

    @Test
    void tokenAndHubApiRequestsAreMatchedByTheirOperation() {
        refuse(FaultRule.when().operation(Operation.TOKEN));
        simulator.faults().add(FaultRule.when().operation(Operation.HUB_API).respond(RegistryErrorCode.UNAVAILABLE));

        assertThat(http.get("/token?service=registry.docker.io").status()).isEqualTo(403);
        assertThat(http.post("/v2/users/login", "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(503);
        assertThat(http.get("/v2/namespaces/alice/repositories").status()).isEqualTo(503);
        assertThat(http.getManifest("alice/app", "v1").status()).isEqualTo(200);
    }

    @Test
    void everyCriterionGivenMustMatch() {
        refuse(FaultRule.when().method("GET").operation(Operation.BLOB_GET).repository("alice/app"));

        assertThat(http.get("/v2/alice/app/blobs/" + layer()).status()).isEqualTo(403);
        assertThat(http.head("/v2/alice/app/blobs/" + layer()).status()).isEqualTo(200);
        assertThat(http.get("/v2/library/nginx/blobs/" + layer()).status()).isEqualTo(200);
    }

    @Test
    void aRuleWithoutCriteriaMatchesEveryRequestButTheAdminApi() {
        refuse(FaultRule.when());

        assertThat(http.get("/v2/").status()).isEqualTo(403);
        assertThat(http.get("/token").status()).isEqualTo(403);
        assertThat(http.get("/no/such/route").status()).isEqualTo(403);
        assertThat(http.get("/_hubsim/health").status()).isEqualTo(200);
        assertThat(http.get("/_hubsim/faults").status()).isEqualTo(200);
    }
}
