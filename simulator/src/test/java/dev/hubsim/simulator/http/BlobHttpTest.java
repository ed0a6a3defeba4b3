package dev.hubsim.simulator.http;

import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET}, {@code HEAD} and {@code DELETE /v2/<name>/blobs/<digest>}, with ranges and both digest algorithms. */
class BlobHttpTest extends ConformanceTest {
    private static final String REPO = "alice/app";


    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 1000, 256 * 1024 + 7, 3 * 1024 * 1024})
    void getReturnsTheBlobByteIdenticalWithItsHeaders(int size) {
        byte[] content = TestImages.randomBytes(size);
        Digest digest = http.pushBlob(REPO, content);

        Reply reply = http.get(blob(digest)).expect(200);

        assertThat(reply.body()).isEqualTo(content);
        assertThat(reply.header("Docker-Content-Digest")).isEqualTo(digest.toString());
        assertThat(reply.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(reply.header("Content-Length")).isEqualTo(Integer.toString(size));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 5000, 2 * 1024 * 1024})
    void headGivesTheRealSizeAndNoBody(int size) {
        Digest digest = http.pushBlob(REPO, TestImages.randomBytes(size));

        Reply reply = http.head(blob(digest)).expect(200);

        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("Content-Length")).isEqualTo(Integer.toString(size));
        assertThat(reply.header("Docker-Content-Digest")).isEqualTo(digest.toString());
    }

    @ParameterizedTest(name = "Range: {0} -> Content-Range: bytes {1}-{2}/1000")
    @CsvSource({
            "bytes=0-99,     0,   99",
            "bytes=100-199,  100, 199",
            "bytes=900-,     900, 999",
            "bytes=0-,       0,   999",
            "bytes=-10,      990, 999",
            "bytes=-5000,    0,   999",
            "bytes=999-999,  999, 999",
            "bytes=990-5000, 990, 999",
    })
    void rangeAnswers206WithTheSliceAndItsContentRange(String range, int start, int end) {
        byte[] content = TestImages.randomBytes(1000);
        Digest digest = http.pushBlob(REPO, content);

        Reply reply = http.get(blob(digest), "Range", range).expect(206);

        assertThat(reply.header("Content-Range")).isEqualTo("bytes " + start + "-" + end + "/1000");
        assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(content, start, end + 1));
        assertThat(reply.header("Content-Length")).isEqualTo(Integer.toString(end - start + 1));
        assertThat(reply.header("Docker-Content-Digest")).isEqualTo(digest.toString());
    }

    @Test
    void rangeAcrossSeveralBuffersIsTheExactSlice() {
        int mib = 1024 * 1024;
        byte[] content = TestImages.randomBytes(4 * mib + 100);
        Digest digest = http.pushBlob(REPO, content);

        Reply reply = http.get(blob(digest), "Range", "bytes=5-" + (3 * mib + 11)).expect(206);

        assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(content, 5, 3 * mib + 12));
        assertThat(reply.header("Content-Range")).isEqualTo("bytes 5-" + (3 * mib + 11) + "/" + content.length);
    }

    @ParameterizedTest(name = "Range: {0}")
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=5000-6000", "bytes=-0", "bytes=200-100"})
    void unsatisfiableRangeAnswers416(String range) {
        Digest digest = http.pushBlob(REPO, TestImages.randomBytes(1000));

        Reply reply = http.get(blob(digest), "Range", range);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(416);
        assertThat(reply.header("Content-Range")).isEqualTo("bytes */1000");
        assertThat(reply.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
    }

    @Test
    void deleteAnswers202AndTheBlobIsThenUnknown() {
        Digest digest = http.pushBlob(REPO, TestImages.randomBytes(100));

        Reply delete = http.delete(blob(digest)).expect(202);

        assertThat(delete.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
        assertThat(http.get(blob(digest)).expect(404).errorCode()).isEqualTo("BLOB_UNKNOWN");
        assertThat(http.head(blob(digest)).status()).isEqualTo(404);
        assertThat(http.delete(blob(digest)).expect(404).errorCode()).isEqualTo("BLOB_UNKNOWN");
    }

    @Test
    void deleteInOneRepositoryKeepsTheBlobInAnother() {
        byte[] content = TestImages.randomBytes(100);
        Digest digest = http.pushBlob(REPO, content);
        http.pushBlob("bob/other", content);

        http.delete(blob(digest)).expect(202);

        assertThat(http.get("/v2/bob/other/blobs/" + digest).expect(200).body()).isEqualTo(content);
    }

    @Test
    void sha512BlobsArePushedAndFetched() {
        byte[] content = TestImages.randomBytes(70_000);
        Digest digest = Digest.of(DigestAlgorithm.SHA512, content);

        Reply put = http.put(RegistryHttp.withParameter(http.startUpload(REPO), "digest", digest.toString()), content).expect(201);
        Reply get = http.get(blob(digest)).expect(200);
        Reply head = http.head(blob(digest)).expect(200);

        assertThat(put.header("Docker-Content-Digest")).isEqualTo(digest.toString());
        assertThat(get.body()).isEqualTo(content);
        assertThat(get.header("Docker-Content-Digest")).isEqualTo(digest.toString());
        assertThat(head.header("Content-Length")).isEqualTo("70000");
        assertThat(http.get(blob(Digest.sha256(content))).status()).isEqualTo(404);
    }

    @Test
    void sha512BlobsArePushedMonolithically() {
        byte[] content = TestImages.randomBytes(1234);
        Digest digest = Digest.of(DigestAlgorithm.SHA512, content);

        http.post("/v2/" + REPO + "/blobs/uploads/?digest=" + digest, content).expect(201);

        assertThat(http.get(blob(digest)).expect(200).body()).isEqualTo(content);
    }

    @Test
    void blobOfRepositoryAIsNotVisibleInRepositoryB() {
        Digest digest = http.pushBlob(REPO, TestImages.randomBytes(10));
        http.pushBlob("bob/other", TestImages.randomBytes(10));

        Reply get = http.get("/v2/bob/other/blobs/" + digest).expect(404);
        Reply head = http.head("/v2/bob/other/blobs/" + digest).expect(404);
        Reply delete = http.delete("/v2/bob/other/blobs/" + digest).expect(404);

        assertThat(get.errorCode()).isEqualTo("BLOB_UNKNOWN");
        assertThat(head.body()).isEmpty();
        assertThat(delete.errorCode()).isEqualTo("BLOB_UNKNOWN");
        assertThat(http.get(blob(digest)).status()).isEqualTo(200);
    }

    @Test
    void blobOfAnUnknownRepositoryIsBlobUnknown() {
        Digest digest = http.pushBlob(REPO, TestImages.randomBytes(10));

        assertThat(http.get("/v2/nobody/here/blobs/" + digest).expect(404).errorCode()).isEqualTo("BLOB_UNKNOWN");
    }

    @Test
    void unknownBlobIsBlobUnknownWithTheDigest() {
        http.pushBlob(REPO, TestImages.randomBytes(10));
        Digest digest = Digest.sha256(new byte[]{42});

        Reply reply = http.get(blob(digest)).expect(404);

        assertThat(reply.errorCode()).isEqualTo("BLOB_UNKNOWN");
        assertThat(reply.error().path("detail").path("digest").asText()).isEqualTo(digest.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sha256:abc", "sha256:" + "A0000000000000000000000000000000000000000000000000000000000000000",
            "md5:d41d8cd98f00b204e9800998ecf8427e", "latest", "sha512:00", "sha256:", ":"})
    void malformedDigestsAreDigestInvalid(String digest) {
        http.pushBlob(REPO, TestImages.randomBytes(10));

        assertThat(http.get("/v2/" + REPO + "/blobs/" + digest).expect(400).errorCode()).isEqualTo("DIGEST_INVALID");
        assertThat(http.head("/v2/" + REPO + "/blobs/" + digest).status()).isEqualTo(400);
        assertThat(http.delete("/v2/" + REPO + "/blobs/" + digest).expect(400).errorCode()).isEqualTo("DIGEST_INVALID");
    }

    @Test
    void manifestsAreNotServedAsBlobsOfAnotherRepository() {
        var image = TestImages.ociImage();
        http.pushImage(REPO, "v1", image);

        assertThat(http.get("/v2/bob/other/blobs/" + image.digest()).status()).isEqualTo(404);
    }

    private static String blob(Digest digest) {
        return "/v2/" + REPO + "/blobs/" + digest;
    }
}
