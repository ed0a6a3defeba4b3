package dev.hubsim.simulator.http;

import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Distribution's content negotiation on manifest GET and HEAD, driven by the {@code Accept} headers. */
class ManifestNegotiationHttpTest extends ConformanceTest {
    private static final String REPO = "library/nginx";
    private static final String DOCKER = MediaTypes.DOCKER_MANIFEST;
    private static final String LIST = MediaTypes.DOCKER_MANIFEST_LIST;
    private static final String OCI = MediaTypes.OCI_MANIFEST;
    private static final String INDEX = MediaTypes.OCI_INDEX;


    static Stream<Arguments> storedTypeAndAccept() {
        return Stream.of(
                // stored type, Accept header values (one header each), expected status
                arguments(OCI, List.of(DOCKER), 404),
                arguments(OCI, List.of(), 404),
                arguments(OCI, List.of("*/*"), 404),
                arguments(OCI, List.of(DOCKER + ", " + LIST), 404),
                arguments(OCI, List.of(OCI), 200),
                arguments(OCI, List.of(OCI + ";q=0.5"), 200),
                arguments(OCI, List.of("Application/VND.OCI.Image.Manifest.v1+JSON"), 200),
                arguments(OCI, List.of(DOCKER, LIST, OCI, INDEX), 200),
                arguments(INDEX, List.of(OCI), 404),
                arguments(INDEX, List.of(), 404),
                arguments(INDEX, List.of(INDEX), 200),
                arguments(INDEX, List.of(DOCKER + "," + INDEX), 200),
                arguments(DOCKER, List.of(), 200),
                arguments(DOCKER, List.of("*/*"), 200),
                arguments(DOCKER, List.of(OCI), 200),
                arguments(DOCKER, List.of(DOCKER), 200),
                arguments(LIST, List.of(LIST), 200),
                arguments(LIST, List.of(OCI, LIST), 200));
    }

    @ParameterizedTest(name = "stored {0}, Accept {1} -> {2}")
    @MethodSource("storedTypeAndAccept")
    void storedTypeIsServedOnlyToClientsThatAcceptIt(String stored, List<String> accept, int status) {
        Image image = TestImages.ofType(stored);
        http.pushImage(REPO, "v1", image);

        for (String reference : List.of("v1", image.digest().toString())) {
            Reply get = http.get("/v2/" + REPO + "/manifests/" + reference, headers(accept));
            Reply head = http.head("/v2/" + REPO + "/manifests/" + reference, headers(accept));

            assertThat(get.status()).as(get.toString()).isEqualTo(status);
            assertThat(head.status()).as(head.toString()).isEqualTo(status);
            if (status == 200) {
                assertThat(get.body()).isEqualTo(image.bytes());
                assertThat(get.header("Content-Type")).isEqualTo(stored);
            } else {
                assertThat(get.errorCode()).isEqualTo("MANIFEST_UNKNOWN");
                assertThat(get.error().path("message").asText()).containsIgnoringCase("accept header");
            }
        }
    }

    @Test
    void severalAcceptHeadersAsSkopeoSendsThemAreAllConsidered() {
        Image index = TestImages.ofType(INDEX);
        http.pushImage(REPO, "multi", index);

        Reply reply = http.get("/v2/" + REPO + "/manifests/multi",
                "Accept", OCI, "Accept", DOCKER + ", " + "application/vnd.docker.distribution.manifest.v1+prettyjws",
                "Accept", "application/json", "Accept", INDEX + "; q=0.9", "Accept", LIST).expect(200);

        assertThat(reply.body()).isEqualTo(index.bytes());
        assertThat(reply.header("Content-Type")).isEqualTo(INDEX);
    }

    @Test
    void manifestListByTagWithoutListAcceptServesTheLinuxAmd64Image() {
        Image list = TestImages.index(LIST, TestImages.dockerImage(), TestImages.dockerImage());
        http.pushImage(REPO, "latest", list);
        Image amd64 = list.child("linux/amd64");

        Reply get = http.get("/v2/" + REPO + "/manifests/latest", "Accept", DOCKER).expect(200);
        Reply head = http.head("/v2/" + REPO + "/manifests/latest", "Accept", DOCKER).expect(200);

        assertThat(get.body()).isEqualTo(amd64.bytes());
        assertThat(get.header("Content-Type")).isEqualTo(DOCKER);
        assertThat(get.header("Docker-Content-Digest")).isEqualTo(amd64.digest().toString());
        assertThat(head.header("Docker-Content-Digest")).isEqualTo(amd64.digest().toString());
        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(amd64.size()));
    }

    @Test
    void manifestListWhoseAmd64ChildIsNotFirstStillServesTheAmd64Child() {
        Image arm = TestImages.dockerImage();
        Image amd = TestImages.dockerImage();
        arm.blobs().forEach(b -> http.pushBlob(REPO, b));
        amd.blobs().forEach(b -> http.pushBlob(REPO, b));
        http.pushManifest(REPO, arm.digest().toString(), arm);
        http.pushManifest(REPO, amd.digest().toString(), amd);
        String list = "{\"schemaVersion\":2,\"mediaType\":\"" + LIST + "\",\"manifests\":["
                + "{\"mediaType\":\"" + DOCKER + "\",\"digest\":\"" + arm.digest() + "\",\"size\":" + arm.size()
                + ",\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\"}},"
                + "{\"mediaType\":\"" + DOCKER + "\",\"digest\":\"" + amd.digest() + "\",\"size\":" + amd.size()
                + ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}]}";
        http.putManifest(REPO, "latest", list.getBytes(), LIST).expect(201);

        Reply reply = http.get("/v2/" + REPO + "/manifests/latest", "Accept", DOCKER).expect(200);

        assertThat(reply.body()).isEqualTo(amd.bytes());
    }

    @Test
    void manifestListByDigestWithoutListAcceptServesTheStoredList() {
        Image list = TestImages.index(LIST, TestImages.dockerImage(), TestImages.dockerImage());
        http.pushImage(REPO, "latest", list);

        Reply reply = http.get("/v2/" + REPO + "/manifests/" + list.digest(), "Accept", DOCKER).expect(200);

        assertThat(reply.body()).isEqualTo(list.bytes());
        assertThat(reply.header("Content-Type")).isEqualTo(LIST);
    }

    @Test
    void manifestListByTagToAClientThatAcceptsNoSchema2IsManifestInvalid() {
        Image list = TestImages.index(LIST, TestImages.dockerImage(), TestImages.dockerImage());
        http.pushImage(REPO, "latest", list);

        Reply reply = http.get("/v2/" + REPO + "/manifests/latest").expect(400);

        assertThat(reply.errorCode()).isEqualTo("MANIFEST_INVALID");
    }

    @Test
    void manifestListWithoutAnAmd64ImageIsUnknownToAClientThatDoesNotAcceptLists() {
        Image arm = TestImages.dockerImage();
        http.pushImage(REPO, arm.digest().toString(), arm);
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + LIST + "\",\"manifests\":[{\"mediaType\":\"" + DOCKER
                + "\",\"digest\":\"" + arm.digest() + "\",\"size\":" + arm.size()
                + ",\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\"}}]}";
        http.putManifest(REPO, "armonly", json.getBytes(), LIST).expect(201);

        Reply reply = http.get("/v2/" + REPO + "/manifests/armonly", "Accept", DOCKER);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("MANIFEST_UNKNOWN");
    }

    private static String[] headers(List<String> accept) {
        List<String> pairs = new ArrayList<>();
        accept.forEach(value -> {
            pairs.add("Accept");
            pairs.add(value);
        });
        return pairs.toArray(String[]::new);
    }
}
