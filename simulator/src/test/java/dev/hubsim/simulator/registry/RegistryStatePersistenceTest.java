package dev.hubsim.simulator.registry;

import dev.hubsim.simulator.testing.TestClock;
import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.hubsim.simulator.registry.Fixtures.artifact;
import static dev.hubsim.simulator.registry.Fixtures.blobFile;
import static dev.hubsim.simulator.registry.Fixtures.image;
import static dev.hubsim.simulator.registry.Fixtures.index;
import static dev.hubsim.simulator.registry.Fixtures.pushBlob;
import static dev.hubsim.simulator.registry.Fixtures.refusal;
import static dev.hubsim.simulator.registry.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class RegistryStatePersistenceTest {
    private static final String REPO = "alice/app";

    @TempDir
    Path root;

    private RegistryState open() {
        return RegistryState.persistent(root, new TestClock(), Duration.ofMinutes(30));
    }

    @Test
    void aNewInstanceOnTheSameDirectoryLoadsTagsManifestsAndBlobsIdentically() {
        RegistryState first = open();
        Digest config = pushBlob(first, REPO, "{\"os\":\"linux\"}");
        Digest layer = pushBlob(first, REPO, "layer");
        Digest loose = pushBlob(first, "bob/blobs-only", "just a blob");
        StoredManifest amd64 = first.putManifest(REPO, "amd64", image(config, layer), MediaTypes.OCI_MANIFEST, List.of());
        byte[] docker = Fixtures.bytes("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST + "\",\"config\":"
                + "{\"mediaType\":\"" + MediaTypes.DOCKER_CONFIG + "\",\"digest\":\"" + config + "\",\"size\":14},\"layers\":[]}");
        StoredManifest dockerManifest = first.putManifest(REPO, "docker", docker, MediaTypes.DOCKER_MANIFEST, List.of());
        StoredManifest multi = first.putManifest(REPO, "latest", index(amd64.digest()), null, List.of("stable"));
        byte[] sha512Bytes = image(layer);
        Digest sha512 = Digest.of(DigestAlgorithm.SHA512, sha512Bytes);
        first.putManifest(REPO, sha512.toString(), sha512Bytes, null, List.of());
        StoredManifest signature = first.putManifest(REPO, "sig", artifact(config, "application/vnd.example.sig",
                amd64.digest()), null, List.of());
        StoredManifest deleted = first.putManifest(REPO, "gone", image(layer, config), null, List.of());
        first.deleteManifest(REPO, deleted.digest().toString());
        first.deleteBlob("bob/blobs-only", loose);
        pushBlob(first, "bob/blobs-only", "another blob");

        RegistryState second = open();

        assertThat(snapshot(second)).isEqualTo(snapshot(first));
        assertThat(second.catalog(null, null).items()).containsExactly(REPO, "bob/blobs-only");
        assertThat(second.tags(REPO, null, null).items()).containsExactly("amd64", "docker", "latest", "sig", "stable");
        for (StoredManifest m : List.of(amd64, dockerManifest, multi, signature)) {
            StoredManifest reloaded = second.manifest(REPO, m.digest().toString());
            assertThat(reloaded.bytes()).isEqualTo(m.bytes());
            assertThat(reloaded.mediaType()).isEqualTo(m.mediaType());
            assertThat(reloaded.model()).isEqualTo(m.model());
        }
        assertThat(second.manifest(REPO, sha512.toString()).bytes()).isEqualTo(sha512Bytes);
        assertThat(refusal(() -> second.manifest(REPO, deleted.digest().toString())).code())
                .isEqualTo(RegistryErrorCode.MANIFEST_UNKNOWN);
        assertThat(second.blobSize(REPO, config)).isEqualTo(first.blobSize(REPO, config));
        assertThat(second.blobSize(REPO, layer)).isEqualTo(5);
        assertThat(refusal(() -> second.blobSize("bob/blobs-only", loose)).code()).isEqualTo(RegistryErrorCode.BLOB_UNKNOWN);
        assertThat(second.referrers(REPO, amd64.digest(), null)).extracting(Descriptor::digest)
                .containsExactly(signature.digest());
    }

    @Test
    void theReloadedStateKeepsWorkingAndPersistsFurtherChanges() {
        RegistryState first = open();
        Digest config = pushBlob(first, REPO, "{}");
        first.putManifest(REPO, "v1", image(config), null, List.of());

        RegistryState second = open();
        Digest layer = pushBlob(second, REPO, "more");
        second.putManifest(REPO, "v2", image(config, layer), null, List.of());
        RegistryState third = open();

        assertThat(third.tags(REPO, null, null).items()).containsExactly("v1", "v2");
        assertThat(third.blobSize(REPO, layer)).isEqualTo(4);
    }

    @Test
    void aManifestWhoseBlobIsMissingIsSkippedOnLoadWithItsTags() throws Exception {
        RegistryState first = open();
        Digest config = pushBlob(first, REPO, "{}");
        StoredManifest lost = first.putManifest(REPO, "lost", image(config), null, List.of("also-lost"));
        StoredManifest kept = first.putManifest(REPO, "kept", image(config, config), null, List.of());
        Files.delete(blobFile(root, lost.digest()));

        RegistryState second = open();

        assertThat(second.tags(REPO, null, null).items()).containsExactly("kept");
        assertThat(second.manifest(REPO, "kept").bytes()).isEqualTo(kept.bytes());
        assertThat(refusal(() -> second.manifest(REPO, lost.digest().toString())).code())
                .isEqualTo(RegistryErrorCode.MANIFEST_UNKNOWN);
        assertThat(second.blobSize(REPO, config)).isEqualTo(2);
    }

    @Test
    void aLinkedBlobWhoseFileIsMissingIsSkippedOnLoad() throws Exception {
        RegistryState first = open();
        Digest kept = pushBlob(first, REPO, "kept");
        Digest lost = pushBlob(first, REPO, "lost");
        Files.delete(blobFile(root, lost));

        RegistryState second = open();

        assertThat(second.blobSize(REPO, kept)).isEqualTo(4);
        assertThat(refusal(() -> second.blobSize(REPO, lost)).code()).isEqualTo(RegistryErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void anInMemoryStateForgetsItsMetadataButARefusedPutSavesNothing() {
        RegistryState memory = RegistryState.inMemory(root, new TestClock(), Duration.ofMinutes(30));
        pushBlob(memory, REPO, "x");
        assertThat(RegistryState.inMemory(root, new TestClock(), Duration.ofMinutes(30)).catalog(null, null).items()).isEmpty();

        RegistryState persistent = open();
        refusal(() -> persistent.putManifest("carol/new", "v1", image(Digest.sha256(new byte[1])), null, List.of()));
        assertThat(open().catalog(null, null).items()).isEmpty();
        assertThat(Files.exists(root.resolve("repositories").resolve("carol"))).isFalse();
    }

    @Test
    void unfinishedUploadsDoNotSurviveARestart() throws Exception {
        RegistryState first = open();
        Upload upload = first.uploads().start(REPO);
        first.uploads().append(REPO, upload.id(), new java.io.ByteArrayInputStream(new byte[10]), null, null);

        RegistryState second = open();

        assertThat(refusal(() -> second.uploads().status(REPO, upload.id())).code())
                .isEqualTo(RegistryErrorCode.BLOB_UPLOAD_UNKNOWN);
        try (var scratch = Files.list(root.resolve("scratch"))) {
            assertThat(scratch).isEmpty();
        }
    }
}
