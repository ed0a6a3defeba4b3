package dev.hubsim.simulator.registry;

import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Manifests, blobs and assertions shared by the registry state tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** The refusal a call ends with; fails the test if it returns or throws something else. */
    static RegistryException refusal(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(RegistryException.class);
        return (RegistryException) thrown;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Uploads content as a blob of the repository (in one PUT) and returns its digest. */
    static Digest pushBlob(RegistryState state, String repository, byte[] content) {
        Digest digest = Digest.sha256(content);
        Upload upload = state.uploads().start(repository);
        state.uploads().complete(repository, upload.id(), digest.toString(), new ByteArrayInputStream(content), null, null);
        return digest;
    }

    static Digest pushBlob(RegistryState state, String repository, String content) {
        return pushBlob(state, repository, bytes(content));
    }

    /** An OCI image manifest with this config and these layers. */
    static byte[] image(Digest config, Digest... layers) {
        return imageJson(config, null, null, layers);
    }

    /** An OCI artifact manifest referring to a subject manifest. */
    static byte[] artifact(Digest config, String artifactType, Digest subject) {
        return imageJson(config, artifactType, subject);
    }

    static byte[] imageJson(Digest config, String artifactType, Digest subject, Digest... layers) {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\"");
        if (artifactType != null) {
            json.append(",\"artifactType\":\"").append(artifactType).append('"');
        }
        json.append(",\"config\":").append(descriptor(MediaTypes.OCI_CONFIG, config));
        json.append(",\"layers\":[").append(Arrays.stream(layers).map(d -> descriptor(MediaTypes.OCI_LAYER_GZIP, d))
                .collect(Collectors.joining(","))).append(']');
        if (subject != null) {
            json.append(",\"subject\":").append(descriptor(MediaTypes.OCI_MANIFEST, subject));
        }
        return bytes(json.append('}').toString());
    }

    /** An OCI index of these manifests. */
    static byte[] index(Digest... manifests) {
        return bytes("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":["
                + Arrays.stream(manifests).map(d -> descriptor(MediaTypes.OCI_MANIFEST, d)).collect(Collectors.joining(","))
                + "]}");
    }

    private static String descriptor(String mediaType, Digest digest) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":42}";
    }

    /** Where the blob store keeps a blob under a storage root. */
    static Path blobFile(Path root, Digest digest) {
        return root.resolve("blobs").resolve(digest.algorithm().prefix()).resolve(digest.hex().substring(0, 2))
                .resolve(digest.hex());
    }

    /** Everything a client can list: each repository of the catalog with its tags and their manifest digests. */
    static String snapshot(RegistryState state) {
        List<String> names = state.catalog(null, null).items();
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append(name).append('\n');
            for (String tag : state.tags(name, null, null).items()) {
                out.append("  ").append(tag).append(" -> ").append(state.manifest(name, tag).digest()).append('\n');
            }
        }
        return out.toString();
    }
}
