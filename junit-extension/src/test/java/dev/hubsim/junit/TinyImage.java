package dev.hubsim.junit;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.BlobContent;

import java.nio.charset.StandardCharsets;

/** A one-layer OCI image made of a few bytes, pushed the way a client pushes: blobs first, manifest last. */
public final class TinyImage {
    private TinyImage() {
    }

    /** Pushes an image whose layer holds {@code content} and returns the manifest's digest. */
    public static Digest push(DockerHubClient client, String image, String content) {
        ImageReference reference = ImageReference.parse(image);
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        byte[] layer = content.getBytes(StandardCharsets.UTF_8);
        Digest configDigest = client.registry().pushBlob(reference.repository(), BlobContent.of(config));
        Digest layerDigest = client.registry().pushBlob(reference.repository(), BlobContent.of(layer));
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{"
                + "\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + configDigest + "\",\"size\":"
                + config.length + "},\"layers\":[{\"mediaType\":\"" + MediaTypes.OCI_LAYER_GZIP + "\",\"digest\":\""
                + layerDigest + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
        return client.registry().putManifest(reference, MediaTypes.OCI_MANIFEST, manifest);
    }
}
