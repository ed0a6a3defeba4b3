package dev.hubsim.simulator.registry;

import dev.hubsim.simulator.testing.TestClock;
import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.hubsim.simulator.registry.Fixtures.artifact;
import static dev.hubsim.simulator.registry.Fixtures.image;
import static dev.hubsim.simulator.registry.Fixtures.pushBlob;
import static dev.hubsim.simulator.registry.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

class RegistryStateBlobsAndListingsTest {
    private static final String REPO = "alice/app";

    @TempDir
    Path root;

    private RegistryState state;

    @BeforeEach
    void setUp() {
        state = RegistryState.inMemory(root, new TestClock(), Duration.ofMinutes(30));
    }

    @Test
    void anUploadedBlobIsLinkedOnlyIntoItsOwnRepository() throws Exception {
        Digest digest = pushBlob(state, REPO, "hello");

        assertThat(state.blobSize(REPO, digest)).isEqualTo(5);
        try (FileChannel channel = state.openBlob(REPO, digest)) {
            ByteBuffer buffer = ByteBuffer.allocate(16);
            channel.read(buffer);
            assertThat(new String(buffer.array(), 0, buffer.position())).isEqualTo("hello");
        }
        pushBlob(state, "bob/other", "something else");
        RegistryException e = refusal(() -> state.blobSize("bob/other", digest));
        assertThat(e.code()).isEqualTo(RegistryErrorCode.BLOB_UNKNOWN);
        assertThat(e.detail()).isEqualTo(Map.of("digest", digest.toString()));
        assertThat(refusal(() -> state.openBlob("bob/other", digest)).code()).isEqualTo(RegistryErrorCode.BLOB_UNKNOWN);
        assertThat(refusal(() -> state.blobSize("nobody/here", digest)).code()).isEqualTo(RegistryErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void deletingABlobUnlinksItFromOneRepositoryOnly() {
        Digest digest = pushBlob(state, REPO, "shared");
        pushBlob(state, "bob/other", "shared");

        state.deleteBlob(REPO, digest);

        assertThat(refusal(() -> state.blobSize(REPO, digest)).code()).isEqualTo(RegistryErrorCode.BLOB_UNKNOWN);
        assertThat(state.blobSize("bob/other", digest)).isEqualTo(6);
        assertThat(refusal(() -> state.deleteBlob("bob/other", Digest.sha256(new byte[1]))).code())
                .isEqualTo(RegistryErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void mountingFromARepositoryThatHasTheBlobLinksIt() {
        Digest digest = pushBlob(state, "bob/base", "base layer");

        assertThat(state.mountBlob(REPO, digest, "bob/base")).isTrue();

        assertThat(state.blobSize(REPO, digest)).isEqualTo(10);
        assertThat(state.catalog(null, null).items()).containsExactly(REPO, "bob/base");
    }

    @Test
    void mountingFromARepositoryWithoutTheBlobLinksNothing() {
        Digest digest = pushBlob(state, "bob/base", "base layer");
        pushBlob(state, "carol/empty", "other");

        assertThat(state.mountBlob(REPO, digest, "carol/empty")).isFalse();
        assertThat(state.mountBlob(REPO, digest, "nobody/here")).isFalse();
        assertThat(state.mountBlob(REPO, Digest.sha256(new byte[7]), "bob/base")).isFalse();

        assertThat(refusal(() -> state.blobSize(REPO, digest)).code()).isEqualTo(RegistryErrorCode.BLOB_UNKNOWN);
        assertThat(state.catalog(null, null).items()).doesNotContain(REPO);
        assertThat(refusal(() -> state.mountBlob("Bad//Name", digest, "bob/base")).code())
                .isEqualTo(RegistryErrorCode.NAME_INVALID);
    }

    @Test
    void tagsArePagedInLexicalOrderWithLimitLastAndMore() {
        Digest config = pushBlob(state, REPO, "{}");
        byte[] manifest = image(config);
        for (String tag : List.of("v3", "a", "v10", "B", "v1")) {
            state.putManifest(REPO, tag, manifest, null, List.of());
        }

        assertThat(state.tags(REPO, null, null)).isEqualTo(new RegistryState.Page(List.of("B", "a", "v1", "v10", "v3"), false));
        assertThat(state.tags(REPO, 2, null)).isEqualTo(new RegistryState.Page(List.of("B", "a"), true));
        assertThat(state.tags(REPO, 2, "a")).isEqualTo(new RegistryState.Page(List.of("v1", "v10"), true));
        assertThat(state.tags(REPO, 2, "v10")).isEqualTo(new RegistryState.Page(List.of("v3"), false));
        assertThat(state.tags(REPO, 3, "v1")).isEqualTo(new RegistryState.Page(List.of("v10", "v3"), false));
        assertThat(state.tags(REPO, 5, null)).isEqualTo(new RegistryState.Page(List.of("B", "a", "v1", "v10", "v3"), false));
        assertThat(state.tags(REPO, 0, null)).isEqualTo(new RegistryState.Page(List.of(), true));
        assertThat(state.tags(REPO, null, "v2")).isEqualTo(new RegistryState.Page(List.of("v3"), false));
        assertThat(state.tags(REPO, null, "zzz")).isEqualTo(new RegistryState.Page(List.of(), false));
    }

    @Test
    void tagsOfAnUnknownRepositoryAreNameUnknown() {
        RegistryException e = refusal(() -> state.tags("nobody/here", null, null));

        assertThat(e.code()).isEqualTo(RegistryErrorCode.NAME_UNKNOWN);
        assertThat(e.httpStatus()).isEqualTo(404);
    }

    @Test
    void theCatalogListsNonEmptyRepositoriesInLexicalOrderAndPages() {
        for (String name : List.of("zed/z", "alice/app", "bob/b", "alice/api")) {
            pushBlob(state, name, name);
        }
        state.uploads().start("only/started");

        assertThat(state.catalog(null, null).items()).containsExactly("alice/api", "alice/app", "bob/b", "zed/z");
        assertThat(state.catalog(2, null)).isEqualTo(new RegistryState.Page(List.of("alice/api", "alice/app"), true));
        assertThat(state.catalog(2, "alice/app")).isEqualTo(new RegistryState.Page(List.of("bob/b", "zed/z"), false));
        assertThat(state.catalog(10, "bob/b")).isEqualTo(new RegistryState.Page(List.of("zed/z"), false));
    }

    @Test
    void aRepositoryWhoseOnlyManifestIsDeletedLeavesTheCatalogWhenItHasNoBlobs() {
        Digest config = pushBlob(state, REPO, "{}");
        StoredManifest stored = state.putManifest(REPO, "v1", image(config), null, List.of());
        state.deleteBlob(REPO, config);

        state.deleteManifest(REPO, stored.digest().toString());

        assertThat(state.catalog(null, null).items()).isEmpty();
        assertThat(refusal(() -> state.tags(REPO, null, null)).code()).isEqualTo(RegistryErrorCode.NAME_UNKNOWN);
    }

    @Test
    void referrersListTheManifestsWhoseSubjectIsTheDigestFilteredByArtifactType() {
        Digest config = pushBlob(state, REPO, "{}");
        Digest empty = pushBlob(state, REPO, "{ }");
        StoredManifest subject = state.putManifest(REPO, "v1", image(config), null, List.of());
        StoredManifest other = state.putManifest(REPO, "v2", image(empty), null, List.of());
        StoredManifest signature = state.putManifest(REPO, "sig", artifact(empty, "application/vnd.example.sig", subject.digest()),
                null, List.of());
        StoredManifest sbom = state.putManifest(REPO, "sbom", artifact(empty, "application/spdx+json", subject.digest()),
                null, List.of());
        StoredManifest configTyped = state.putManifest(REPO, "cfg", artifact(empty, null, subject.digest()), null, List.of());
        state.putManifest(REPO, "unrelated", artifact(empty, "application/vnd.example.sig", other.digest()), null, List.of());

        List<Descriptor> all = state.referrers(REPO, subject.digest(), null);
        assertThat(all).extracting(Descriptor::digest)
                .containsExactlyInAnyOrder(signature.digest(), sbom.digest(), configTyped.digest());
        assertThat(all).extracting(d -> d.digest().toString()).isSorted();
        Descriptor sig = all.stream().filter(d -> d.digest().equals(signature.digest())).findFirst().orElseThrow();
        assertThat(sig.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(sig.size()).isEqualTo(signature.size());
        assertThat(sig.artifactType()).isEqualTo("application/vnd.example.sig");

        assertThat(state.referrers(REPO, subject.digest(), "application/vnd.example.sig")).extracting(Descriptor::digest)
                .containsExactly(signature.digest());
        assertThat(state.referrers(REPO, subject.digest(), MediaTypes.OCI_CONFIG)).extracting(Descriptor::digest)
                .containsExactly(configTyped.digest());
        assertThat(state.referrers(REPO, subject.digest(), "application/unknown")).isEmpty();
        assertThat(state.referrers(REPO, Digest.sha256(new byte[2]), null)).isEmpty();
        assertThat(refusal(() -> state.referrers("nobody/here", subject.digest(), null)).code())
                .isEqualTo(RegistryErrorCode.NAME_UNKNOWN);
    }

    @Test
    void aManifestMayReferToASubjectThatIsNotPushedYet() {
        Digest config = pushBlob(state, REPO, "{}");
        Digest future = Digest.sha256(Fixtures.bytes("pushed later"));

        StoredManifest signature = state.putManifest(REPO, "sig", artifact(config, "application/vnd.example.sig", future),
                null, List.of());

        assertThat(state.referrers(REPO, future, null)).extracting(Descriptor::digest).containsExactly(signature.digest());
    }
}
