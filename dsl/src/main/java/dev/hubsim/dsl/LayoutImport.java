package dev.hubsim.dsl;

import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.Manifest;
import dev.hubsim.core.oci.OciImageLayout;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.registry.RegistryState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Puts a built image straight into the simulator's state, as a seed: blobs streamed in, child manifests by digest,
 * the image under its tag. No request is made, so seeding counts no pull and meets no fault.
 */
final class LayoutImport {
    private LayoutImport() {
    }

    static void into(RegistryState registry, BuiltImage image) {
        OciImageLayout layout = OciImageLayout.open(image.layout());
        Descriptor top = layout.find(image.name()).orElseThrow();
        String repository = image.reference().repository();
        Manifest manifest = importManifestBlobs(registry, layout, repository, top);
        if (manifest.isIndex()) {
            for (Descriptor child : manifest.manifests()) {
                importManifestBlobs(registry, layout, repository, child);
                registry.putManifest(repository, child.digest().toString(), layout.readBlob(child.digest()),
                        child.mediaType(), List.of());
            }
        }
        registry.putManifest(repository, image.name(), layout.readBlob(top.digest()), top.mediaType(), List.of());
    }

    /** Imports the blobs a manifest references (none for an index) and returns the parsed manifest. */
    private static Manifest importManifestBlobs(RegistryState registry, OciImageLayout layout, String repository,
                                                Descriptor descriptor) {
        Manifest manifest = Manifest.parse(layout.readBlob(descriptor.digest()), descriptor.mediaType());
        if (!manifest.isIndex()) {
            for (Descriptor blob : manifest.blobReferences()) {
                importBlob(registry, layout, repository, blob.digest());
            }
        }
        return manifest;
    }

    private static void importBlob(RegistryState registry, OciImageLayout layout, String repository, Digest digest) {
        try (InputStream in = layout.openBlob(digest)) {
            registry.importBlob(repository, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + digest + " of " + layout.directory(), e);
        }
    }
}
