package dev.hubsim.core.registry;

import dev.hubsim.core.reference.ImageReference;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Whole images between a registry and OCI image layout directories (which skopeo, crane, buildah and containerd
 * read as {@code oci:DIR:NAME}). Obtain it from {@code DockerHubClient.images()}; thread-safe. Blobs stream through
 * fixed-size buffers and are verified against their digests (pulled ones by the client, pushed ones by the registry);
 * nothing holds a whole blob in memory.
 * <pre>{@code
 * PulledImage pulled = client.images().pull(ImageReference.parse("alice/app:v1"), Path.of("app-layout"));
 * client.images().push(Path.of("app-layout"), "v1", ImageReference.parse("alice/app-copy:v1"));
 * }</pre>
 * Registry failures are {@link dev.hubsim.core.error.DockerHubException}s naming the image and the blob; a layout that
 * is not valid is an {@link dev.hubsim.core.oci.InvalidLayoutException}.
 */
public final class ImageClient {
    private final RegistryClient registry;

    ImageClient(RegistryClient registry) {
        this.registry = registry;
    }

    /** Pulls the image for the running platform into the layout (created if needed), named by its tag. */
    public PulledImage pull(ImageReference reference, Path layout) {
        return pull(reference, layout, PullOptions.defaults());
    }

    /**
     * Pulls the image into the layout in {@code layout} (created if needed): the manifest, or from an index the
     * platform's manifest (or every manifest and the index), then configs and layers in parallel. Blobs the layout
     * already has are not downloaded again. The image is named in {@code index.json} only once everything is written.
     */
    public PulledImage pull(ImageReference reference, Path layout, PullOptions options) {
        return new ImagePull(registry, reference, options).into(Objects.requireNonNull(layout, "layout"));
    }

    /** Pushes the image named {@code name} in the layout to {@code target}, with the default options. */
    public PushedImage push(Path layout, String name, ImageReference target) {
        return push(layout, name, target, PushOptions.defaults());
    }

    /**
     * Pushes the image named {@code name} in the layout to {@code target}: blobs the repository has are skipped (HEAD),
     * the others mounted from {@link PushOptions#mountFrom()} when given, else uploaded: in one request when smaller
     * than the client's chunk size, else streamed from the layout in one PATCH, resumed from the registry's offset
     * after a failure. The registry checks each blob against its digest when the upload is committed (a blob whose
     * bytes do not match fails with {@code DIGEST_INVALID}); the client does not hash the layout's blobs again. Then
     * the manifests: an index after its children, the named one last under the target's tag.
     */
    public PushedImage push(Path layout, String name, ImageReference target, PushOptions options) {
        return new ImagePush(registry, target, options).from(Objects.requireNonNull(layout, "layout"),
                Objects.requireNonNull(name, "name"));
    }

    @Override
    public String toString() {
        return "ImageClient[" + registry.url() + "]";
    }
}
