package dev.hubsim.simulator.registry;

import dev.hubsim.simulator.testing.TestClock;
import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.hubsim.simulator.registry.Fixtures.blobFile;
import static dev.hubsim.simulator.registry.Fixtures.image;
import static dev.hubsim.simulator.registry.Fixtures.index;
import static dev.hubsim.simulator.registry.Fixtures.pushBlob;
import static dev.hubsim.simulator.registry.Fixtures.refusal;
import static dev.hubsim.simulator.registry.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class RegistryStateManifestTest {
    private static final String REPO = "alice/app";

    @TempDir
    Path root;

    private RegistryState state;
    private Digest config;
    private Digest layer;

    @BeforeEach
    void setUp() {
        state = RegistryState.inMemory(root, new TestClock(), Duration.ofMinutes(30));
        config = pushBlob(state, REPO, "{\"architecture\":\"amd64\"}");
        layer = pushBlob(state, REPO, "layer bytes");
    }

    @Test
    void aManifestPutByTagIsReadByTagAndByDigestWithItsExactBytes() {
        byte[] bytes = image(config, layer);

        StoredManifest stored = state.putManifest(REPO, "v1", bytes, MediaTypes.OCI_MANIFEST, List.of());

        assertThat(stored.digest()).isEqualTo(Digest.sha256(bytes));
        assertThat(stored.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(state.manifest(REPO, "v1").bytes()).isEqualTo(bytes);
        assertThat(state.manifest(REPO, stored.digest().toString()).bytes()).isEqualTo(bytes);
        assertThat(state.manifest(REPO, stored.digest())).map(StoredManifest::bytes).contains(bytes);
        assertThat(state.tags(REPO, null, null).items()).containsExactly("v1");
    }

    @Test
    void aManifestPutByDigestHasNoTagAndExtraTagsAreAdded() {
        byte[] bytes = image(config, layer);
        Digest digest = Digest.sha256(bytes);

        state.putManifest(REPO, digest.toString(), bytes, null, List.of("a", "b"));

        assertThat(state.manifest(REPO, digest.toString()).bytes()).isEqualTo(bytes);
        assertThat(state.tags(REPO, null, null).items()).containsExactly("a", "b");
    }

    @Test
    void aManifestPutBySha512DigestIsStoredUnderThatDigest() {
        byte[] bytes = image(config, layer);
        Digest digest = Digest.of(DigestAlgorithm.SHA512, bytes);

        StoredManifest stored = state.putManifest(REPO, digest.toString(), bytes, null, List.of());

        assertThat(stored.digest()).isEqualTo(digest);
        assertThat(state.manifest(REPO, digest.toString()).bytes()).isEqualTo(bytes);
    }

    @Test
    void aManifestPutUnderADigestItDoesNotHaveIsDigestInvalid() {
        byte[] bytes = image(config, layer);
        String other = Digest.sha256(Fixtures.bytes("other")).toString();

        RegistryException e = refusal(() -> state.putManifest(REPO, other, bytes, null, List.of()));

        assertThat(e.code()).isEqualTo(RegistryErrorCode.DIGEST_INVALID);
        assertThat(refusal(() -> state.manifest(REPO, other)).code()).isEqualTo(RegistryErrorCode.MANIFEST_UNKNOWN);
    }

    @Test
    void retaggingMovesTheTagToTheNewManifest() {
        StoredManifest first = state.putManifest(REPO, "latest", image(config), null, List.of());
        StoredManifest second = state.putManifest(REPO, "latest", image(config, layer), null, List.of());

        assertThat(state.manifest(REPO, "latest").digest()).isEqualTo(second.digest());
        assertThat(state.manifest(REPO, first.digest().toString()).digest()).isEqualTo(first.digest());
    }

    @Test
    void aManifestReferencingAMissingBlobIsManifestBlobUnknownNamingThatDigest() {
        Digest missing = Digest.sha256(Fixtures.bytes("never pushed"));

        RegistryException e = refusal(() -> state.putManifest(REPO, "v1", image(config, layer, missing), null, List.of()));

        assertThat(e.code()).isEqualTo(RegistryErrorCode.MANIFEST_BLOB_UNKNOWN);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.detail()).isEqualTo(Map.of("digest", missing.toString()));
        assertThat(e.getMessage()).contains(missing.toString());
    }

    @Test
    void aBlobOfAnotherRepositoryDoesNotSatisfyAManifestReference() {
        Digest elsewhere = pushBlob(state, "bob/other", "bob's layer");

        RegistryException e = refusal(() -> state.putManifest(REPO, "v1", image(config, elsewhere), null, List.of()));

        assertThat(e.code()).isEqualTo(RegistryErrorCode.MANIFEST_BLOB_UNKNOWN);
        assertThat(e.detail()).isEqualTo(Map.of("digest", elsewhere.toString()));
    }

    @Test
    void anIndexNeedsItsChildManifestsInTheRepository() {
        StoredManifest child = state.putManifest(REPO, "amd64", image(config, layer), null, List.of());
        Digest missingChild = Digest.sha256(Fixtures.bytes("no such manifest"));

        RegistryException e = refusal(() -> state.putManifest(REPO, "multi", index(child.digest(), missingChild), null, List.of()));
        assertThat(e.code()).isEqualTo(RegistryErrorCode.MANIFEST_BLOB_UNKNOWN);
        assertThat(e.detail()).isEqualTo(Map.of("digest", missingChild.toString()));

        StoredManifest multi = state.putManifest(REPO, "multi", index(child.digest()), null, List.of());
        assertThat(multi.model().isIndex()).isTrue();
        assertThat(state.manifest(REPO, "multi").digest()).isEqualTo(multi.digest());
    }

    @Test
    void anIndexDoesNotAcceptABlobAsAChildManifest() {
        RegistryException e = refusal(() -> state.putManifest(REPO, "multi", index(layer), null, List.of()));

        assertThat(e.code()).isEqualTo(RegistryErrorCode.MANIFEST_BLOB_UNKNOWN);
    }

    @Test
    void anOversizedManifestIsManifestInvalidWithStatus413() {
        byte[] huge = new byte[RegistryState.MAX_MANIFEST_BYTES + 1];

        RegistryException e = refusal(() -> state.putManifest(REPO, "big", huge, null, List.of()));

        assertThat(e.code()).isEqualTo(RegistryErrorCode.MANIFEST_INVALID);
        assertThat(e.httpStatus()).isEqualTo(413);
    }

    @Test
    void malformedManifestBytesAreManifestInvalid() {
        RegistryException e = refusal(() -> state.putManifest(REPO, "v1", Fixtures.bytes("{not json"), null, List.of()));

        assertThat(e.code()).isEqualTo(RegistryErrorCode.MANIFEST_INVALID);
        assertThat(e.httpStatus()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice/app", "alice//app", "-alice", "alice/app/", ""})
    void anInvalidRepositoryNameIsNameInvalid(String name) {
        assertThat(refusal(() -> state.putManifest(name, "v1", image(config), null, List.of())).code())
                .isEqualTo(RegistryErrorCode.NAME_INVALID);
        assertThat(refusal(() -> state.manifest(name, "v1")).code()).isEqualTo(RegistryErrorCode.NAME_INVALID);
        assertThat(refusal(() -> state.tags(name, null, null)).code()).isEqualTo(RegistryErrorCode.NAME_INVALID);
        assertThat(refusal(() -> state.checkName(name)).code()).isEqualTo(RegistryErrorCode.NAME_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {".hidden", "-dash", "has space", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void anInvalidTagIsTagInvalid(String tag) {
        assertThat(refusal(() -> state.putManifest(REPO, tag, image(config), null, List.of())).code())
                .isEqualTo(RegistryErrorCode.TAG_INVALID);
        assertThat(refusal(() -> state.manifest(REPO, tag)).code()).isEqualTo(RegistryErrorCode.TAG_INVALID);
        assertThat(refusal(() -> state.putManifest(REPO, "ok", image(config), null, List.of(tag))).code())
                .isEqualTo(RegistryErrorCode.TAG_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256:abc", "sha256:GGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGG", "md5:d41d8cd98f00b204e9800998ecf8427e", ":x",
            "SHA256:0000000000000000000000000000000000000000000000000000000000000000"})
    void anInvalidDigestIsDigestInvalid(String digest) {
        assertThat(refusal(() -> state.putManifest(REPO, digest, image(config), null, List.of())).code())
                .isEqualTo(RegistryErrorCode.DIGEST_INVALID);
        assertThat(refusal(() -> state.manifest(REPO, digest)).code()).isEqualTo(RegistryErrorCode.DIGEST_INVALID);
        assertThat(refusal(() -> state.deleteManifest(REPO, digest)).code()).isEqualTo(RegistryErrorCode.DIGEST_INVALID);
    }

    @Test
    void anUnknownTagOrDigestOrRepositoryIsManifestUnknown() {
        state.putManifest(REPO, "v1", image(config), null, List.of());

        assertThat(refusal(() -> state.manifest(REPO, "v2")).code()).isEqualTo(RegistryErrorCode.MANIFEST_UNKNOWN);
        assertThat(refusal(() -> state.manifest(REPO, Digest.sha256(new byte[1]).toString())).code())
                .isEqualTo(RegistryErrorCode.MANIFEST_UNKNOWN);
        assertThat(refusal(() -> state.manifest("nobody/here", "v1")).code()).isEqualTo(RegistryErrorCode.MANIFEST_UNKNOWN);
    }

    @Test
    void deletingByDigestRemovesTheManifestAndEveryTagPointingAtIt() {
        StoredManifest doomed = state.putManifest(REPO, "v1", image(config), null, List.of("latest"));
        StoredManifest kept = state.putManifest(REPO, "v2", image(config, layer), null, List.of());

        state.deleteManifest(REPO, doomed.digest().toString());

        assertThat(state.tags(REPO, null, null).items()).containsExactly("v2");
        assertThat(refusal(() -> state.manifest(REPO, doomed.digest().toString())).code())
                .isEqualTo(RegistryErrorCode.MANIFEST_UNKNOWN);
        assertThat(refusal(() -> state.manifest(REPO, "latest")).code()).isEqualTo(RegistryErrorCode.MANIFEST_UNKNOWN);
        assertThat(state.manifest(REPO, "v2").digest()).isEqualTo(kept.digest());
        assertThat(refusal(() -> state.deleteManifest(REPO, doomed.digest().toString())).code())
                .isEqualTo(RegistryErrorCode.MANIFEST_UNKNOWN);
    }

    @Test
    void deletingByTagIsUnsupportedAndKeepsTheTag() {
        StoredManifest stored = state.putManifest(REPO, "v1", image(config), null, List.of());

        RegistryException e = refusal(() -> state.deleteManifest(REPO, "v1"));

        assertThat(e.code()).isEqualTo(RegistryErrorCode.UNSUPPORTED);
        assertThat(e.httpStatus()).isEqualTo(405);
        assertThat(state.manifest(REPO, "v1").digest()).isEqualTo(stored.digest());
        assertThat(refusal(() -> state.deleteManifest(REPO, "-bad")).code()).isEqualTo(RegistryErrorCode.TAG_INVALID);
    }

    @Test
    void aRefusedRequestChangesNothing() throws Exception {
        StoredManifest existing = state.putManifest(REPO, "v1", image(config, layer), null, List.of("latest"));
        String before = snapshot(state);
        byte[] refusedImage = image(config, Digest.sha256(Fixtures.bytes("missing")));
        byte[] refusedIndex = index(existing.digest(), Digest.sha256(Fixtures.bytes("missing child")));

        refusal(() -> state.putManifest(REPO, "v1", refusedImage, null, List.of("extra")));
        refusal(() -> state.putManifest("carol/new", "v1", refusedImage, null, List.of()));
        refusal(() -> state.putManifest(REPO, "latest", refusedIndex, null, List.of()));
        refusal(() -> state.putManifest(REPO, "v1", image(config), null, List.of("ok", "-bad")));
        refusal(() -> state.putManifest(REPO, Digest.sha256(new byte[3]).toString(), image(config), null, List.of("v9")));
        refusal(() -> state.putManifest(REPO, "v1", Fixtures.bytes("[]"), null, List.of()));
        refusal(() -> state.deleteManifest(REPO, "v1"));
        refusal(() -> state.deleteManifest(REPO, Digest.sha256(new byte[4]).toString()));

        assertThat(snapshot(state)).isEqualTo(before);
        assertThat(state.catalog(null, null).items()).containsExactly(REPO);
        assertThat(refusal(() -> state.tags("carol/new", null, null)).code()).isEqualTo(RegistryErrorCode.NAME_UNKNOWN);
        assertThat(Files.exists(blobFile(root, Digest.sha256(refusedImage)))).isFalse();
        assertThat(Files.exists(blobFile(root, Digest.sha256(refusedIndex)))).isFalse();
        assertThat(refusal(() -> state.manifest(REPO, Digest.sha256(image(config)).toString())).code())
                .isEqualTo(RegistryErrorCode.MANIFEST_UNKNOWN);
    }
}
