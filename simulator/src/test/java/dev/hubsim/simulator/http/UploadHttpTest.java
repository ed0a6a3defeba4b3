package dev.hubsim.simulator.http;

import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Arrays;

import static dev.hubsim.simulator.testing.RegistryHttp.withParameter;
import static org.assertj.core.api.Assertions.assertThat;

/** The blob upload state machine through HTTP: start, chunks, status, completion, cancellation and refusals. */
class UploadHttpTest extends ConformanceTest {
    private static final String REPO = "alice/app";
    private static final String UPLOADS = "/v2/" + REPO + "/blobs/uploads/";


    @Test
    void postStartsASessionWithAnAbsoluteLocationCarryingAQuery() {
        Reply reply = http.post(UPLOADS, new byte[0]).expect(202);

        String location = reply.header("Location");
        assertThat(location).startsWith(simulator.baseUri() + "/v2/" + REPO + "/blobs/uploads/").contains("?");
        assertThat(reply.header("Docker-Upload-UUID")).isNotBlank();
        assertThat(location).contains(reply.header("Docker-Upload-UUID"));
        assertThat(reply.header("Range")).isEqualTo("0-0");
        assertThat(reply.header("Content-Length")).isEqualTo("0");
        assertThat(reply.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
    }

    @Test
    void everySessionHasItsOwnId() {
        String first = http.post(UPLOADS, new byte[0]).expect(202).header("Docker-Upload-UUID");
        String second = http.post(UPLOADS, new byte[0]).expect(202).header("Docker-Upload-UUID");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void streamedPatchWithoutContentRangeAppendsTheWholeBody() {
        byte[] content = TestImages.randomBytes(3 * 1024 * 1024 + 11);
        String location = http.startUpload(REPO);

        Reply patch = http.send("PATCH", location, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content)),
                "Content-Type", "application/octet-stream").expect(202);

        assertThat(patch.header("Range")).isEqualTo("0-" + (content.length - 1));
        assertThat(patch.header("Docker-Upload-UUID")).isNotBlank();
        complete(patch.location(), content, new byte[0]);
    }

    @Test
    void chunksWithPlainContentRangeFollowEachOther() {
        byte[] content = TestImages.randomBytes(30_000);
        String location = http.startUpload(REPO);

        for (int start = 0; start < content.length; start += 10_000) {
            Reply patch = http.patch(location, Arrays.copyOfRange(content, start, start + 10_000),
                    "Content-Type", "application/octet-stream",
                    "Content-Range", start + "-" + (start + 9_999)).expect(202);
            assertThat(patch.header("Range")).isEqualTo("0-" + (start + 9_999));
            location = patch.location();
        }

        complete(location, content, new byte[0]);
    }

    @Test
    void chunksWithBytesPrefixedContentRangeAreAccepted() {
        byte[] content = TestImages.randomBytes(200);
        String location = http.startUpload(REPO);

        location = http.patch(location, Arrays.copyOfRange(content, 0, 100), "Content-Range", "bytes 0-99").expect(202).location();
        location = http.patch(location, Arrays.copyOfRange(content, 100, 200), "Content-Range", "bytes 100-199/200")
                .expect(202).location();

        complete(location, content, new byte[0]);
    }

    @Test
    void outOfOrderChunkIsRangeInvalidWithTheCurrentRangeAndTheSessionStaysUsable() {
        byte[] content = TestImages.randomBytes(100);
        String location = http.startUpload(REPO);
        location = http.patch(location, Arrays.copyOfRange(content, 0, 50), "Content-Range", "0-49").expect(202).location();

        Reply gap = http.patch(location, Arrays.copyOfRange(content, 60, 100), "Content-Range", "60-99");
        Reply overlap = http.patch(location, Arrays.copyOfRange(content, 40, 100), "Content-Range", "40-99");

        for (Reply refused : new Reply[]{gap, overlap}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(416);
            assertThat(refused.errorCode()).isEqualTo("RANGE_INVALID");
            assertThat(refused.header("Range")).isEqualTo("0-49");
            assertThat(refused.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
        }
        assertThat(http.get(location).expect(204).header("Range")).isEqualTo("0-49");
        location = http.patch(location, Arrays.copyOfRange(content, 50, 100), "Content-Range", "50-99").expect(202).location();
        complete(location, content, new byte[0]);
    }

    @Test
    void firstChunkThatDoesNotStartAtZeroIsRangeInvalid() {
        String location = http.startUpload(REPO);

        Reply reply = http.patch(location, new byte[10], "Content-Range", "5-14");

        assertThat(reply.status()).isEqualTo(416);
        assertThat(reply.header("Range")).isEqualTo("0-0");
        assertThat(http.get(location).status()).isEqualTo(204);
    }

    @ParameterizedTest(name = "Content-Range {0} with a 10-byte body")
    @ValueSource(strings = {"0-19", "0-4", "0-10"})
    void bodyLengthDifferentFromTheRangeIsSizeInvalid(String range) {
        String location = http.startUpload(REPO);

        Reply reply = http.patch(location, new byte[10], "Content-Range", range);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("SIZE_INVALID");
        assertThat(simulator.registry().uploads().openCount()).isLessThanOrEqualTo(1);
    }

    @ParameterizedTest(name = "Content-Range: {0}")
    @ValueSource(strings = {"garbage", "9-0", "-5", "0-", "bytes=", "0-99999999999999999999"})
    void malformedContentRangeIsRangeInvalidNotAServerError(String range) {
        String location = http.startUpload(REPO);

        Reply reply = http.patch(location, new byte[10], "Content-Range", range);

        assertThat(reply.status()).as(reply.toString()).isIn(400, 416);
        assertThat(reply.errorCode()).isIn("RANGE_INVALID", "SIZE_INVALID");
    }

    @Test
    void statusAnswers204WithTheRangeReceived() {
        String location = http.startUpload(REPO);
        Reply empty = http.get(location).expect(204);
        location = http.patch(location, new byte[1234]).expect(202).location();

        Reply status = http.get(location).expect(204);

        assertThat(empty.header("Range")).isEqualTo("0-0");
        assertThat(status.header("Range")).isEqualTo("0-1233");
        assertThat(status.header("Docker-Upload-UUID")).isEqualTo(empty.header("Docker-Upload-UUID"));
        assertThat(status.location()).contains(status.header("Docker-Upload-UUID"));
        assertThat(status.body()).isEmpty();
    }

    @Test
    void putWithAFinalChunkCompletesTheUpload() {
        byte[] content = TestImages.randomBytes(5000);
        String location = http.startUpload(REPO);
        location = http.patch(location, Arrays.copyOfRange(content, 0, 3000)).expect(202).location();

        complete(location, content, Arrays.copyOfRange(content, 3000, 5000));
    }

    @Test
    void putWithAFinalChunkAndItsContentRangeCompletesTheUpload() {
        byte[] content = TestImages.randomBytes(5000);
        String location = http.startUpload(REPO);
        location = http.patch(location, Arrays.copyOfRange(content, 0, 3000)).expect(202).location();

        Reply put = http.put(withParameter(location, "digest", Digest.sha256(content).toString()),
                Arrays.copyOfRange(content, 3000, 5000), "Content-Range", "3000-4999").expect(201);

        assertThat(put.header("Docker-Content-Digest")).isEqualTo(Digest.sha256(content).toString());
        assertThat(http.get("/v2/" + REPO + "/blobs/" + Digest.sha256(content)).expect(200).body()).isEqualTo(content);
    }

    @Test
    void putWithTheWholeBlobAndNoPatchCompletesTheUpload() {
        byte[] content = TestImages.randomBytes(777);

        complete(http.startUpload(REPO), content, content);
    }

    @Test
    void emptyBlobIsUploaded() {
        complete(http.startUpload(REPO), new byte[0], new byte[0]);
    }

    @Test
    void digestMismatchIsDigestInvalidStoresNothingAndEndsTheSession() {
        byte[] content = TestImages.randomBytes(100);
        Digest claimed = Digest.sha256(new byte[100]);
        String location = http.patch(http.startUpload(REPO), content).expect(202).location();

        Reply reply = http.put(withParameter(location, "digest", claimed.toString()), new byte[0]).expect(400);

        assertThat(reply.errorCode()).isEqualTo("DIGEST_INVALID");
        assertThat(http.head("/v2/" + REPO + "/blobs/" + claimed).status()).isEqualTo(404);
        assertThat(http.head("/v2/" + REPO + "/blobs/" + Digest.sha256(content)).status()).isEqualTo(404);
        assertThat(http.get(location).expect(404).errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
        assertThat(http.put(withParameter(location, "digest", Digest.sha256(content).toString()), new byte[0])
                .expect(404).errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    void missingDigestIsDigestInvalidAndTheSessionCanStillComplete() {
        byte[] content = TestImages.randomBytes(100);
        String location = http.patch(http.startUpload(REPO), content).expect(202).location();

        Reply reply = http.put(location, new byte[0]).expect(400);
        Reply empty = http.put(withParameter(location, "digest", ""), new byte[0]).expect(400);

        assertThat(reply.errorCode()).isEqualTo("DIGEST_INVALID");
        assertThat(empty.errorCode()).isEqualTo("DIGEST_INVALID");
        complete(location, content, new byte[0]);
    }

    @ParameterizedTest(name = "?digest={0}")
    @ValueSource(strings = {"sha256:abc", "md5:d41d8cd98f00b204e9800998ecf8427e", "nonsense"})
    void malformedDigestIsDigestInvalid(String digest) {
        String location = http.patch(http.startUpload(REPO), new byte[5]).expect(202).location();

        assertThat(http.put(withParameter(location, "digest", digest), new byte[0]).expect(400).errorCode()).isEqualTo("DIGEST_INVALID");
    }

    @Test
    void deleteCancelsTheSession() {
        String location = http.patch(http.startUpload(REPO), new byte[10]).expect(202).location();

        http.delete(location).expect(204);

        assertThat(http.get(location).expect(404).errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
        assertThat(http.patch(location, new byte[1]).expect(404).errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
        assertThat(http.put(withParameter(location, "digest", Digest.sha256(new byte[10]).toString()), new byte[0])
                .expect(404).errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
        assertThat(http.delete(location).expect(404).errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
        assertThat(simulator.registry().uploads().openCount()).isZero();
    }

    @Test
    void completedSessionIsGone() {
        byte[] content = TestImages.randomBytes(10);
        String location = http.startUpload(REPO);
        complete(location, content, content);

        assertThat(http.get(location).expect(404).errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
        assertThat(http.patch(location, new byte[1]).expect(404).errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "PATCH", "PUT", "DELETE"})
    void unknownSessionIsBlobUploadUnknown(String method) {
        String path = UPLOADS + "3f2a0c1e-0000-0000-0000-000000000000?digest=" + Digest.sha256(new byte[0]);

        Reply reply = http.send(method, path, BodyPublishers.ofByteArray(new byte[0]));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "PATCH", "PUT", "DELETE"})
    void sessionOfOneRepositoryIsUnknownUnderAnother(String method) {
        byte[] content = TestImages.randomBytes(10);
        String location = http.patch(http.startUpload(REPO), content).expect(202).location();
        String elsewhere = withParameter(location.replace("/v2/" + REPO + "/", "/v2/bob/other/"), "digest",
                Digest.sha256(content).toString());

        Reply reply = http.send(method, elsewhere, BodyPublishers.ofByteArray(new byte[0]));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
        assertThat(http.head("/v2/bob/other/blobs/" + Digest.sha256(content)).status()).isEqualTo(404);
        complete(location, content, new byte[0]);
    }

    @Test
    void monolithicPostWithDigestStoresTheBlob() {
        byte[] content = TestImages.randomBytes(4321);
        Digest digest = Digest.sha256(content);

        Reply reply = http.post(UPLOADS + "?digest=" + digest, content, "Content-Type", "application/octet-stream").expect(201);

        assertThat(reply.header("Docker-Content-Digest")).isEqualTo(digest.toString());
        assertThat(reply.location()).endsWith("/v2/" + REPO + "/blobs/" + digest);
        assertThat(http.get(reply.location()).expect(200).body()).isEqualTo(content);
        assertThat(simulator.registry().uploads().openCount()).isZero();
    }

    @Test
    void monolithicPostWithAWrongDigestIsDigestInvalidAndLeavesNothing() {
        byte[] content = TestImages.randomBytes(100);
        Digest claimed = Digest.sha256(new byte[1]);

        Reply reply = http.post(UPLOADS + "?digest=" + claimed, content).expect(400);

        assertThat(reply.errorCode()).isEqualTo("DIGEST_INVALID");
        assertThat(http.head("/v2/" + REPO + "/blobs/" + claimed).status()).isEqualTo(404);
        assertThat(simulator.registry().uploads().openCount()).isZero();
    }

    @Test
    void monolithicPostWithAMalformedDigestIsDigestInvalidAndOpensNoSession() {
        Reply reply = http.post(UPLOADS + "?digest=sha256:nothex", new byte[3]).expect(400);

        assertThat(reply.errorCode()).isEqualTo("DIGEST_INVALID");
        assertThat(simulator.registry().uploads().openCount()).isZero();
    }

    @Test
    void mountFromARepositoryThatHasTheBlobAnswers201() {
        byte[] content = TestImages.randomBytes(100);
        Digest digest = http.pushBlob("bob/base", content);

        Reply reply = http.post(UPLOADS + "?mount=" + digest + "&from=bob/base", new byte[0]).expect(201);

        assertThat(reply.header("Docker-Content-Digest")).isEqualTo(digest.toString());
        assertThat(reply.location()).endsWith("/v2/" + REPO + "/blobs/" + digest);
        assertThat(http.get("/v2/" + REPO + "/blobs/" + digest).expect(200).body()).isEqualTo(content);
        assertThat(simulator.registry().uploads().openCount()).isZero();
    }

    @Test
    void mountFromARepositoryWithoutTheBlobStartsANormalSession() {
        Digest elsewhere = http.pushBlob("carol/x", TestImages.randomBytes(100));
        http.pushBlob("bob/base", TestImages.randomBytes(5));

        for (String query : new String[]{"?mount=" + elsewhere + "&from=bob/base", "?mount=" + elsewhere + "&from=nobody/here",
                "?mount=" + elsewhere}) {
            Reply reply = http.post(UPLOADS + query, new byte[0]);

            assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
            assertThat(reply.header("Docker-Upload-UUID")).isNotBlank();
            assertThat(reply.header("Range")).isEqualTo("0-0");
            assertThat(http.get(reply.location()).status()).isEqualTo(204);
        }
        assertThat(http.head("/v2/" + REPO + "/blobs/" + elsewhere).status()).isEqualTo(404);
    }

    @Test
    void mountWithAMalformedDigestIsDigestInvalid() {
        assertThat(http.post(UPLOADS + "?mount=sha256:zz&from=bob/base", new byte[0]).expect(400).errorCode())
                .isEqualTo("DIGEST_INVALID");
    }

    @Test
    void mountedBlobCanBeReferencedByAManifest() {
        var image = TestImages.ociImage();
        image.blobs().forEach(b -> http.pushBlob("bob/base", b));

        image.blobs().forEach(b -> http.post(UPLOADS + "?mount=" + b.digest() + "&from=bob/base", new byte[0]).expect(201));

        http.pushManifest(REPO, "v1", image);
    }

    /** PUT {@code location&digest=} with the final chunk and checks the blob reads back whole. */
    private void complete(String location, byte[] content, byte[] finalChunk) {
        Digest digest = Digest.sha256(content);
        Reply put = http.put(withParameter(location, "digest", digest.toString()), finalChunk).expect(201);

        assertThat(put.header("Docker-Content-Digest")).isEqualTo(digest.toString());
        assertThat(put.location()).endsWith("/v2/" + REPO + "/blobs/" + digest);
        assertThat(put.header("Content-Length")).isEqualTo("0");
        assertThat(http.get("/v2/" + REPO + "/blobs/" + digest).expect(200).body()).isEqualTo(content);
    }
}
