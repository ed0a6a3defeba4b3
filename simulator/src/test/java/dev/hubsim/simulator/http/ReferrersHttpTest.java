package dev.hubsim.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OCI 1.1 referrers API: {@code GET /v2/<name>/referrers/<digest>[?artifactType=]}. */
class ReferrersHttpTest extends ConformanceTest {
    private static final String REPO = "alice/app";
    private static final String SBOM = "application/vnd.example.sbom.v1+json";
    private static final String SIGNATURE = "application/vnd.example.signature.v1+json";

    private Image subject;

    @BeforeEach
    void pushSubject() {
        subject = TestImages.ociImage();
        http.pushImage(REPO, "v1", subject);
    }

    @Test
    void noReferrersIsAnEmptyOciIndex() {
        Reply reply = http.get(referrers(subject.digest())).expect(200);

        assertThat(reply.header("Content-Type")).isEqualTo(MediaTypes.OCI_INDEX);
        assertThat(reply.json().path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(reply.json().path("mediaType").asText()).isEqualTo(MediaTypes.OCI_INDEX);
        assertThat(reply.json().path("manifests").isArray()).isTrue();
        assertThat(reply.json().path("manifests")).isEmpty();
        assertThat(reply.header("OCI-Filters-Applied")).isNull();
    }

    @Test
    void referrersOfADigestThatIsNotStoredIsAnEmptyIndex() {
        http.get(referrers(Digest.sha256(new byte[9]))).expect(200);
    }

    @Test
    void manifestsWithTheSubjectAreListedWithArtifactTypeAndAnnotations() {
        Image sbom = TestImages.artifact(subject, SBOM, Map.of("org.opencontainers.image.created", "2025-01-01T00:00:00Z"));
        Image signature = TestImages.artifact(subject, SIGNATURE, Map.of("purpose", "test"));
        Image unrelated = TestImages.artifact(TestImages.ociImage(), SBOM, Map.of());
        http.pushImage(REPO, sbom.digest().toString(), sbom);
        http.pushImage(REPO, signature.digest().toString(), signature);
        http.pushImage(REPO, unrelated.digest().toString(), unrelated);

        Reply reply = http.get(referrers(subject.digest())).expect(200);

        JsonNode manifests = reply.json().path("manifests");
        assertThat(manifests).hasSize(2);
        assertThat(digests(manifests)).containsExactlyInAnyOrder(sbom.digest().toString(), signature.digest().toString());
        JsonNode sbomEntry = entry(manifests, sbom.digest());
        assertThat(sbomEntry.path("mediaType").asText()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(sbomEntry.path("size").asLong()).isEqualTo(sbom.size());
        assertThat(sbomEntry.path("artifactType").asText()).isEqualTo(SBOM);
        assertThat(sbomEntry.path("annotations").path("org.opencontainers.image.created").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(entry(manifests, signature.digest()).path("annotations").path("purpose").asText()).isEqualTo("test");
    }

    @Test
    void artifactTypeFilterListsOnlyThatTypeAndSaysSo() {
        Image sbom = TestImages.artifact(subject, SBOM, Map.of());
        Image signature = TestImages.artifact(subject, SIGNATURE, Map.of());
        http.pushImage(REPO, sbom.digest().toString(), sbom);
        http.pushImage(REPO, signature.digest().toString(), signature);

        Reply reply = http.get(referrers(subject.digest()) + "?artifactType=" + SIGNATURE.replace("+", "%2B")).expect(200);

        assertThat(reply.header("OCI-Filters-Applied")).isEqualTo("artifactType");
        assertThat(reply.header("Content-Type")).isEqualTo(MediaTypes.OCI_INDEX);
        assertThat(digests(reply.json().path("manifests"))).containsExactly(signature.digest().toString());
    }

    @Test
    void artifactTypeFilterMatchingNothingIsAnEmptyFilteredIndex() {
        Image sbom = TestImages.artifact(subject, SBOM, Map.of());
        http.pushImage(REPO, sbom.digest().toString(), sbom);

        Reply reply = http.get(referrers(subject.digest()) + "?artifactType=application/none").expect(200);

        assertThat(reply.header("OCI-Filters-Applied")).isEqualTo("artifactType");
        assertThat(reply.json().path("manifests")).isEmpty();
    }

    @Test
    void artifactWithoutArtifactTypeIsListedUnderItsConfigMediaType() {
        Image plain = TestImages.ociImage();
        String json = plain.text().replace("}]}", "}],\"subject\":" + new String(TestImages.write(
                TestImages.descriptor(MediaTypes.OCI_MANIFEST, subject.digest(), subject.size()))) + "}");
        plain = plain.withBytes(json.getBytes());
        http.pushImage(REPO, plain.digest().toString(), plain);

        Reply reply = http.get(referrers(subject.digest())).expect(200);

        assertThat(entry(reply.json().path("manifests"), plain.digest()).path("artifactType").asText())
                .isEqualTo(MediaTypes.OCI_CONFIG);
    }

    @Test
    void deletedReferrersAreNoLongerListed() {
        Image sbom = TestImages.artifact(subject, SBOM, Map.of());
        http.pushImage(REPO, sbom.digest().toString(), sbom);

        http.delete("/v2/" + REPO + "/manifests/" + sbom.digest()).expect(202);

        assertThat(http.get(referrers(subject.digest())).expect(200).json().path("manifests")).isEmpty();
    }

    @Test
    void referrersInAnotherRepositoryAreNotListed() {
        Image sbom = TestImages.artifact(subject, SBOM, Map.of());
        http.pushImage("bob/other", sbom.digest().toString(), sbom);

        assertThat(http.get(referrers(subject.digest())).expect(200).json().path("manifests")).isEmpty();
    }

    @Test
    void malformedDigestIsDigestInvalid() {
        assertThat(http.get("/v2/" + REPO + "/referrers/sha256:xyz").expect(400).errorCode()).isEqualTo("DIGEST_INVALID");
    }

    @Test
    void unknownRepositoryIsNameUnknown() {
        assertThat(http.get("/v2/nobody/here/referrers/" + subject.digest()).expect(404).errorCode()).isEqualTo("NAME_UNKNOWN");
    }

    private String referrers(Digest digest) {
        return "/v2/" + REPO + "/referrers/" + digest;
    }

    private static List<String> digests(JsonNode manifests) {
        List<String> digests = new ArrayList<>();
        manifests.forEach(m -> digests.add(m.path("digest").asText()));
        return digests;
    }

    private static JsonNode entry(JsonNode manifests, Digest digest) {
        for (JsonNode m : manifests) {
            if (m.path("digest").asText().equals(digest.toString())) {
                return m;
            }
        }
        throw new AssertionError(digest + " not listed in " + manifests);
    }
}
