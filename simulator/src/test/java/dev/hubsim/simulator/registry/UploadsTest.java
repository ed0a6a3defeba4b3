package dev.hubsim.simulator.registry;

import dev.hubsim.simulator.testing.TestClock;
import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;
import dev.hubsim.simulator.storage.BlobStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.hubsim.simulator.registry.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

class UploadsTest {
    static final String REPO = "alice/app";
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    @TempDir
    Path root;

    final TestClock clock = new TestClock();
    final List<String> linked = new CopyOnWriteArrayList<>();
    BlobStore blobs;
    Uploads uploads;

    @BeforeEach
    void setUp() {
        blobs = new BlobStore(root);
        uploads = new Uploads(blobs, clock, TIMEOUT, (repository, digest) -> linked.add(repository + "@" + digest));
    }

    static InputStream body(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    static InputStream body(String text) {
        return body(Fixtures.bytes(text));
    }

    long scratchFiles() throws IOException {
        try (var files = Files.list(root.resolve("scratch"))) {
            return files.count();
        }
    }

    @Test
    void aNewSessionIsInitiatedAndEmpty() {
        Upload upload = uploads.start(REPO);

        assertThat(upload.state()).isEqualTo(UploadState.INITIATED);
        assertThat(upload.size()).isZero();
        assertThat(upload.repository()).isEqualTo(REPO);
        assertThat(upload.rangeHeader()).isEqualTo("0-0");
        assertThat(upload.startedAt()).isEqualTo(clock.instant());
        assertThat(uploads.status(REPO, upload.id())).isSameAs(upload);
        assertThat(uploads.find(upload.id())).containsSame(upload);
        assertThat(uploads.openCount()).isEqualTo(1);
        assertThat(uploads.start(REPO).id()).isNotEqualTo(upload.id());
    }

    @Test
    void chunksAppendedWithAndWithoutRangesCompleteIntoALinkedBlob() throws Exception {
        Upload upload = uploads.start(REPO);

        uploads.append(REPO, upload.id(), body("hello "), null, null);
        assertThat(upload.state()).isEqualTo(UploadState.UPLOADING);
        assertThat(upload.rangeHeader()).isEqualTo("0-5");
        uploads.append(REPO, upload.id(), body("big "), ContentRange.parse("6-9"), 4L);
        uploads.append(REPO, upload.id(), body("wide "), ContentRange.parse("bytes 10-14"), null);
        assertThat(uploads.status(REPO, upload.id()).size()).isEqualTo(15);
        Digest digest = Digest.sha256(Fixtures.bytes("hello big wide world"));

        Digest stored = uploads.complete(REPO, upload.id(), digest.toString(), body("world"), ContentRange.parse("15-19"), 5L);

        assertThat(stored).isEqualTo(digest);
        assertThat(upload.state()).isEqualTo(UploadState.COMPLETED);
        assertThat(blobs.readSmall(digest)).hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("hello big wide world"));
        assertThat(linked).containsExactly(REPO + "@" + digest);
        assertThat(uploads.find(upload.id())).isEmpty();
        assertThat(uploads.openCount()).isZero();
        assertThat(scratchFiles()).isZero();
        assertThat(refusal(() -> uploads.status(REPO, upload.id())).code()).isEqualTo(RegistryErrorCode.BLOB_UPLOAD_UNKNOWN);
    }

    @Test
    void aMonolithicPutAndAnEmptyBlobComplete() {
        Upload whole = uploads.start(REPO);
        Digest digest = Digest.sha256(Fixtures.bytes("all at once"));
        assertThat(uploads.complete(REPO, whole.id(), digest.toString(), body("all at once"), null, null)).isEqualTo(digest);

        Upload empty = uploads.start(REPO);
        Digest nothing = Digest.sha256(new byte[0]);
        assertThat(uploads.complete(REPO, empty.id(), nothing.toString(), body(new byte[0]), null, null)).isEqualTo(nothing);
        assertThat(blobs.size(nothing)).contains(0L);
    }

    @Test
    void completingWithSha512VerifiesAndStoresUnderSha512() {
        Upload upload = uploads.start(REPO);
        uploads.append(REPO, upload.id(), body("sha512 content"), null, null);
        Digest digest = Digest.of(DigestAlgorithm.SHA512, Fixtures.bytes("sha512 content"));

        assertThat(uploads.complete(REPO, upload.id(), digest.toString(), body(new byte[0]), null, null)).isEqualTo(digest);

        assertThat(blobs.size(digest)).contains(14L);
        assertThat(linked).containsExactly(REPO + "@" + digest);
    }

    @Test
    void anOutOfOrderRangeIsRangeInvalidWithARangeHeaderAndTheSessionStaysOpen() {
        Upload upload = uploads.start(REPO);
        uploads.append(REPO, upload.id(), body("0123456789"), null, null);

        RegistryException e = refusal(() -> uploads.append(REPO, upload.id(), body("abcde"), ContentRange.parse("20-24"), 5L));

        assertThat(e.code()).isEqualTo(RegistryErrorCode.RANGE_INVALID);
        assertThat(e.httpStatus()).isEqualTo(416);
        assertThat(e.headers()).containsEntry("Range", "0-9");
        assertThat(uploads.status(REPO, upload.id()).size()).isEqualTo(10);
        assertThat(upload.state()).isEqualTo(UploadState.UPLOADING);
        assertThat(refusal(() -> uploads.append(REPO, upload.id(), body("abcde"), ContentRange.parse("0-4"), 5L)).code())
                .isEqualTo(RegistryErrorCode.RANGE_INVALID);

        uploads.append(REPO, upload.id(), body("abcde"), ContentRange.parse("10-14"), 5L);
        Digest digest = Digest.sha256(Fixtures.bytes("0123456789abcde"));
        assertThat(uploads.complete(REPO, upload.id(), digest.toString(), body(new byte[0]), null, null)).isEqualTo(digest);
    }

    @Test
    void aFirstChunkNotStartingAtZeroIsRangeInvalidWithRangeZeroZero() {
        Upload upload = uploads.start(REPO);

        RegistryException e = refusal(() -> uploads.append(REPO, upload.id(), body("x"), ContentRange.parse("1-1"), 1L));

        assertThat(e.headers()).containsEntry("Range", "0-0");
        assertThat(uploads.status(REPO, upload.id()).state()).isEqualTo(UploadState.INITIATED);
    }

    @Test
    void aBodyShorterThanItsRangeIsSizeInvalidAndFailsTheSession() throws Exception {
        Upload upload = uploads.start(REPO);

        RegistryException e = refusal(() -> uploads.append(REPO, upload.id(), body("short"), ContentRange.parse("0-99"), null));

        assertThat(e.code()).isEqualTo(RegistryErrorCode.SIZE_INVALID);
        assertThat(upload.state()).isEqualTo(UploadState.FAILED);
        assertThat(refusal(() -> uploads.status(REPO, upload.id())).code()).isEqualTo(RegistryErrorCode.BLOB_UPLOAD_UNKNOWN);
        assertThat(scratchFiles()).isZero();
    }

    @Test
    void aContentLengthDisagreeingWithTheRangeIsSizeInvalidAndFailsTheSession() {
        Upload upload = uploads.start(REPO);

        RegistryException e = refusal(() -> uploads.append(REPO, upload.id(), body("12345"), ContentRange.parse("0-4"), 6L));

        assertThat(e.code()).isEqualTo(RegistryErrorCode.SIZE_INVALID);
        assertThat(upload.state()).isEqualTo(UploadState.FAILED);
        assertThat(uploads.find(upload.id())).isEmpty();
    }

    @Test
    void aDigestMismatchIsDigestInvalidStoresNothingAndEndsTheSession() throws Exception {
        Upload upload = uploads.start(REPO);
        uploads.append(REPO, upload.id(), body("actual content"), null, null);
        Digest claimed = Digest.sha256(Fixtures.bytes("claimed content"));

        RegistryException e = refusal(() -> uploads.complete(REPO, upload.id(), claimed.toString(), body(new byte[0]), null, null));

        assertThat(e.code()).isEqualTo(RegistryErrorCode.DIGEST_INVALID);
        assertThat(e.detail()).isEqualTo(Map.of("expected", claimed.toString(),
                "actual", Digest.sha256(Fixtures.bytes("actual content")).toString()));
        assertThat(upload.state()).isEqualTo(UploadState.FAILED);
        assertThat(blobs.contains(claimed)).isFalse();
        assertThat(blobs.contains(Digest.sha256(Fixtures.bytes("actual content")))).isFalse();
        assertThat(linked).isEmpty();
        assertThat(scratchFiles()).isZero();
        assertThat(refusal(() -> uploads.status(REPO, upload.id())).code()).isEqualTo(RegistryErrorCode.BLOB_UPLOAD_UNKNOWN);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"sha256:abc", "sha256", "md5:d41d8cd98f00b204e9800998ecf8427e", "SHA256:nope"})
    void aMissingOrMalformedDigestIsDigestInvalidAndTheSessionStaysUsable(String digest) {
        Upload upload = uploads.start(REPO);
        uploads.append(REPO, upload.id(), body("content"), null, null);

        RegistryException e = refusal(() -> uploads.complete(REPO, upload.id(), digest, body("ignored"), null, null));

        assertThat(e.code()).isEqualTo(RegistryErrorCode.DIGEST_INVALID);
        assertThat(uploads.status(REPO, upload.id()).size()).isEqualTo(7);
        Digest right = Digest.sha256(Fixtures.bytes("content!"));
        assertThat(uploads.complete(REPO, upload.id(), right.toString(), body("!"), null, null)).isEqualTo(right);
    }

    @Test
    void cancellingDiscardsTheBytesAndEndsTheSession() throws Exception {
        Upload upload = uploads.start(REPO);
        uploads.append(REPO, upload.id(), body("to be discarded"), null, null);

        uploads.cancel(REPO, upload.id());

        assertThat(upload.state()).isEqualTo(UploadState.CANCELLED);
        assertThat(scratchFiles()).isZero();
        assertThat(refusal(() -> uploads.status(REPO, upload.id())).code()).isEqualTo(RegistryErrorCode.BLOB_UPLOAD_UNKNOWN);
        assertThat(refusal(() -> uploads.cancel(REPO, upload.id())).code()).isEqualTo(RegistryErrorCode.BLOB_UPLOAD_UNKNOWN);
    }

    @Test
    void anUnknownIdOrAnotherRepositorysSessionIsBlobUploadUnknown() {
        Upload upload = uploads.start(REPO);
        String digest = Digest.sha256(new byte[0]).toString();

        for (String repository : List.of(REPO, "bob/other")) {
            String id = repository.equals(REPO) ? "no-such-id" : upload.id();
            RegistryException e = refusal(() -> uploads.status(repository, id));
            assertThat(e.code()).isEqualTo(RegistryErrorCode.BLOB_UPLOAD_UNKNOWN);
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.detail()).isEqualTo(Map.of("uuid", id));
            assertThat(refusal(() -> uploads.append(repository, id, body("x"), null, null)).code())
                    .isEqualTo(RegistryErrorCode.BLOB_UPLOAD_UNKNOWN);
            assertThat(refusal(() -> uploads.complete(repository, id, digest, body(new byte[0]), null, null)).code())
                    .isEqualTo(RegistryErrorCode.BLOB_UPLOAD_UNKNOWN);
            assertThat(refusal(() -> uploads.cancel(repository, id)).code()).isEqualTo(RegistryErrorCode.BLOB_UPLOAD_UNKNOWN);
        }
        assertThat(uploads.status(REPO, upload.id()).size()).isZero();
        assertThat(upload.state()).isEqualTo(UploadState.INITIATED);
    }

    @Test
    void anIdleSessionExpiresLazilyOnItsNextAccess() throws Exception {
        Upload upload = uploads.start(REPO);
        uploads.append(REPO, upload.id(), body("abc"), null, null);
        clock.advance(TIMEOUT);
        assertThat(uploads.status(REPO, upload.id()).size()).isEqualTo(3);

        clock.advance(TIMEOUT.plusSeconds(1));

        assertThat(refusal(() -> uploads.append(REPO, upload.id(), body("def"), null, null)).code())
                .isEqualTo(RegistryErrorCode.BLOB_UPLOAD_UNKNOWN);
        assertThat(upload.state()).isEqualTo(UploadState.EXPIRED);
        assertThat(uploads.find(upload.id())).isEmpty();
        assertThat(scratchFiles()).isZero();
    }

    @Test
    void activityKeepsASessionAlive() {
        Upload upload = uploads.start(REPO);
        for (int i = 0; i < 5; i++) {
            clock.advance(TIMEOUT.minusMinutes(1));
            uploads.append(REPO, upload.id(), body("x"), null, null);
        }

        assertThat(uploads.expireIdle()).isZero();
        assertThat(uploads.status(REPO, upload.id()).size()).isEqualTo(5);
    }

    @Test
    void expireIdleEndsOnlyTheSessionsIdleForLongerThanTheTimeout() throws Exception {
        Upload old = uploads.start(REPO);
        Upload oldStarted = uploads.start("bob/other");
        clock.advance(TIMEOUT.minusMinutes(10));
        Upload recent = uploads.start(REPO);
        uploads.append(REPO, old.id(), body("stale"), null, null);
        clock.advance(Duration.ofMinutes(20));

        assertThat(uploads.expireIdle()).isEqualTo(1);
        assertThat(oldStarted.state()).isEqualTo(UploadState.EXPIRED);
        assertThat(uploads.openCount()).isEqualTo(2);

        clock.advance(TIMEOUT);
        assertThat(uploads.expireIdle()).isEqualTo(2);
        assertThat(old.state()).isEqualTo(UploadState.EXPIRED);
        assertThat(recent.state()).isEqualTo(UploadState.EXPIRED);
        assertThat(uploads.openCount()).isZero();
        assertThat(scratchFiles()).isZero();
        assertThat(uploads.expireIdle()).isZero();
    }
}
