package dev.hubsim.simulator.replay;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.error.RegistryErrorException;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.BlobContent;
import dev.hubsim.core.registry.FetchedManifest;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Blob;
import dev.hubsim.simulator.testing.TestImages.Image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registry session with our client, the same bytes every run (seeded content), for recording and replaying: push of
 * a three-layer image (one layer in chunks) and of a two-platform index, pulls by tag and digest, HEADs, tag listing
 * with a page size, a manifest and a blob that do not exist, a cross-repository mount and a delete. Every answer is
 * checked against what was pushed, byte for byte, and noted as one line, so two runs can be compared line by line.
 */
final class RegistrySession {
    static final String REPOSITORY = "session/app";
    static final String MOUNT_TARGET = "session/mounted";
    /** Chunk size for the client: the largest layer goes up in three PATCHes. */
    static final int CHUNK_SIZE = 64 * 1024;

    private static final Blob CONFIG = new Blob(MediaTypes.OCI_CONFIG,
            "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
                    .getBytes(StandardCharsets.UTF_8));
    private static final Blob ARM_CONFIG = new Blob(MediaTypes.OCI_CONFIG,
            "{\"architecture\":\"arm64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
                    .getBytes(StandardCharsets.UTF_8));
    private static final Blob SMALL = layer(1, 1_500);
    private static final Blob MEDIUM = layer(2, 6_000);
    private static final Blob LARGE = layer(3, 2 * CHUNK_SIZE + 4_321);
    static final Image IMAGE = TestImages.image(MediaTypes.OCI_MANIFEST, CONFIG, SMALL, MEDIUM, LARGE);
    static final Image ARM_IMAGE = TestImages.image(MediaTypes.OCI_MANIFEST, ARM_CONFIG, SMALL);
    static final Image INDEX = TestImages.index(MediaTypes.OCI_INDEX, IMAGE, ARM_IMAGE);
    static final List<String> TAGS = List.of("v1", "v2", "v3", "v4", "v5");

    private final DockerHubClient client;
    private final List<String> notes = new ArrayList<>();

    private RegistrySession(DockerHubClient client) {
        this.client = client;
    }

    /** Runs the session through this client; the notes of what each step got. */
    static List<String> run(DockerHubClient client) {
        RegistrySession session = new RegistrySession(client);
        session.push();
        session.pull();
        session.list();
        session.errors();
        session.mountAndDelete();
        return List.copyOf(session.notes);
    }

    private void push() {
        for (Blob blob : List.of(CONFIG, ARM_CONFIG, SMALL, MEDIUM, LARGE)) {
            note("push blob", client.registry().pushBlob(REPOSITORY, blob.digest(), BlobContent.of(blob.bytes())));
        }
        for (String tag : TAGS) {
            note("put manifest " + tag, putManifest(tag, IMAGE));
        }
        note("put manifest arm64", putManifest("arm64", ARM_IMAGE));
        note("put index", putManifest("multi", INDEX));
    }

    private void pull() {
        FetchedManifest byTag = client.registry().getManifest(reference(":v1"));
        assertThat(byTag.bytes()).isEqualTo(IMAGE.bytes());
        note("get manifest v1", byTag);
        FetchedManifest index = client.registry().getManifest(reference(":multi"));
        assertThat(index.bytes()).isEqualTo(INDEX.bytes());
        note("get index", index);
        FetchedManifest child = client.registry().getManifest(reference("@" + ARM_IMAGE.digest()));
        assertThat(child.bytes()).isEqualTo(ARM_IMAGE.bytes());
        note("get manifest by digest", child);
        note("head manifest v2", client.registry().checkManifest(reference(":v2")).orElseThrow());
        for (Blob blob : IMAGE.blobs()) {
            byte[] read = read(REPOSITORY, blob.digest());
            assertThat(read).isEqualTo(blob.bytes());
            note("get blob", Digest.sha256(read) + " " + read.length);
        }
        note("head blob", client.registry().checkBlob(REPOSITORY, LARGE.digest()).orElseThrow());
    }

    private void list() {
        List<String> all = client.registry().listTags(REPOSITORY);
        assertThat(all).containsAll(TAGS).contains("arm64", "multi");
        note("tags", all);
        List<String> paged = client.registry().listTags(REPOSITORY, 2);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(all);
        note("tags by 2", paged);
    }

    private void errors() {
        note("missing manifest", error(() -> client.registry().getManifest(reference(":missing"))));
        note("missing repository", error(() -> client.registry().getManifest(ImageReference.parse("session/none:v1"))));
        Digest absent = Digest.sha256("absent".getBytes(StandardCharsets.UTF_8));
        note("head missing blob", client.registry().checkBlob(REPOSITORY, absent));
        note("get missing blob", error(() -> read(REPOSITORY, absent)));
    }

    private void mountAndDelete() {
        note("mount", client.registry().mountBlob(MOUNT_TARGET, MEDIUM.digest(), REPOSITORY,
                BlobContent.of(MEDIUM.bytes())));
        assertThat(read(MOUNT_TARGET, MEDIUM.digest())).isEqualTo(MEDIUM.bytes());
        note("mounted blob", client.registry().checkBlob(MOUNT_TARGET, MEDIUM.digest()));
        client.registry().deleteManifest(reference("@" + ARM_IMAGE.digest()));
        note("deleted manifest", client.registry().checkManifest(reference("@" + ARM_IMAGE.digest())));
        note("deleted by tag", error(() -> client.registry().getManifest(reference(":arm64"))));
    }

    private Digest putManifest(String tag, Image image) {
        Digest digest = client.registry().putManifest(reference(":" + tag), image.mediaType(), image.bytes());
        assertThat(digest).isEqualTo(image.digest());
        return digest;
    }

    private byte[] read(String repository, Digest digest) {
        try (InputStream in = client.registry().openBlob(repository, digest)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The registry error codes a step failed with; fails when it did not fail that way. */
    private static String error(Supplier<?> step) {
        try {
            return "succeeded: " + step.get();
        } catch (RegistryErrorException e) {
            return e.status() + " " + e.codes();
        }
    }

    private void note(String step, Object outcome) {
        notes.add(step + ": " + (outcome instanceof FetchedManifest m
                ? m.mediaType() + " " + m.digest() + " " + Digest.sha256(m.bytes()) : outcome));
    }

    private static ImageReference reference(String suffix) {
        return ImageReference.parse(REPOSITORY + suffix);
    }

    private static Blob layer(int seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return new Blob(MediaTypes.OCI_LAYER_GZIP, bytes);
    }
}
