package dev.hubsim.core.oci;

import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.manifest.Platform;
import dev.hubsim.core.reference.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OciImageLayoutTest {
    @TempDir
    Path dir;

    @Test
    void createWritesTheLayoutFileAndAnEmptyIndex() throws IOException {
        OciImageLayout layout = OciImageLayout.create(dir.resolve("image"));

        assertThat(Files.readString(dir.resolve("image/oci-layout"))).isEqualTo("{\"imageLayoutVersion\":\"1.0.0\"}");
        assertThat(layout.manifests()).isEmpty();
        assertThat(OciImageLayout.open(dir.resolve("image")).directory()).isEqualTo(dir.resolve("image"));
    }

    @Test
    void openRefusesADirectoryThatIsNoLayout() {
        assertThatThrownBy(() -> OciImageLayout.open(dir))
                .isInstanceOf(InvalidLayoutException.class)
                .hasMessageContaining(dir + " is not an OCI image layout");
    }

    @Test
    void blobsAreStoredUnderTheirDigestAndReadBack() throws IOException {
        OciImageLayout layout = OciImageLayout.create(dir);
        byte[] content = "layer bytes".getBytes(StandardCharsets.UTF_8);
        Digest digest = Digest.sha256(content);

        long written = layout.writeBlob(digest, new ByteArrayInputStream(content));

        assertThat(written).isEqualTo(content.length);
        assertThat(layout.blobPath(digest)).isEqualTo(dir.resolve("blobs/sha256/" + digest.hex()));
        assertThat(layout.hasBlob(digest)).isTrue();
        assertThat(layout.blobSize(digest)).isEqualTo(content.length);
        try (InputStream in = layout.openBlob(digest)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void contentThatDoesNotMatchItsDigestLeavesNoBlobAndNoTemporaryFile() throws IOException {
        OciImageLayout layout = OciImageLayout.create(dir);
        Digest claimed = Digest.sha256("expected".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> layout.writeBlob(claimed, new ByteArrayInputStream("other".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidLayoutException.class)
                .hasMessageContaining("written as " + claimed);
        assertThat(layout.hasBlob(claimed)).isFalse();
        try (Stream<Path> files = Files.list(dir.resolve("blobs/sha256"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aSelfVerifyingStreamThatFailsAtItsEndLeavesNoBlobAndNoTemporaryFile() throws IOException {
        OciImageLayout layout = OciImageLayout.create(dir);
        byte[] content = new byte[300_000];
        Digest digest = Digest.sha256(content);
        InputStream failsAtEnd = new SequenceInputStream(new ByteArrayInputStream(content), new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("the digest did not match");
            }
        });

        assertThatThrownBy(() -> layout.writeVerifiedBlob(digest, failsAtEnd)).hasMessage("the digest did not match");
        assertThat(layout.hasBlob(digest)).isFalse();
        try (Stream<Path> files = Files.list(dir.resolve("blobs/sha256"))) {
            assertThat(files).isEmpty();
        }
        assertThat(layout.writeVerifiedBlob(digest, new ByteArrayInputStream(content))).isEqualTo(content.length);
        assertThat(Files.readAllBytes(layout.blobPath(digest))).isEqualTo(content);
    }

    @Test
    void missingBlobsAreNamedInTheError() {
        OciImageLayout layout = OciImageLayout.create(dir);
        Digest absent = Digest.sha256(new byte[0]);

        assertThatThrownBy(() -> layout.openBlob(absent)).hasMessageContaining("has no blob " + absent);
        assertThatThrownBy(() -> layout.blobSize(absent)).hasMessageContaining("has no blob " + absent);
        assertThatThrownBy(() -> layout.name("latest", Descriptor.of(MediaTypes.OCI_MANIFEST, absent, 0)))
                .hasMessageContaining("has no blob " + absent);
    }

    @Test
    void namingAnImageListsItInTheIndexAndReplacesTheOldImageOfThatName() {
        OciImageLayout layout = OciImageLayout.create(dir);
        Digest first = layout.writeBlob("{\"first\":true}".getBytes(StandardCharsets.UTF_8));
        Digest second = layout.writeBlob("{\"second\":true}".getBytes(StandardCharsets.UTF_8));
        Platform arm = new Platform("arm64", "linux", "v8", null, List.of());

        layout.name("v1", Descriptor.of(MediaTypes.OCI_MANIFEST, first, 14));
        layout.name("v2", new Descriptor(MediaTypes.OCI_INDEX, second, 15, List.of(), Map.of("a", "b"), arm, null));
        layout.name("v1", Descriptor.of(MediaTypes.OCI_MANIFEST, second, 15));

        assertThat(layout.manifests()).extracting(d -> d.annotations().get(OciImageLayout.REF_NAME))
                .containsExactly("v2", "v1");
        Descriptor v2 = layout.find("v2").orElseThrow();
        assertThat(v2.digest()).isEqualTo(second);
        assertThat(v2.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
        assertThat(v2.annotations()).containsEntry("a", "b");
        assertThat(v2.platform()).isEqualTo(arm);
        assertThat(layout.find("v1").orElseThrow().digest()).isEqualTo(second);
        assertThat(layout.find("absent")).isEmpty();
    }

    @Test
    void aCorruptIndexIsReportedWithItsPath() throws IOException {
        OciImageLayout layout = OciImageLayout.create(dir);
        Files.writeString(dir.resolve("index.json"), "{not json");

        assertThatThrownBy(layout::manifests)
                .isInstanceOf(InvalidLayoutException.class)
                .hasMessageContaining(dir.resolve("index.json") + " is not a valid image index");
    }
}
