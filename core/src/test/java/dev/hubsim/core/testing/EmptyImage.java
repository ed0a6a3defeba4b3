package dev.hubsim.core.testing;

import dev.hubsim.core.reference.Digest;

/** The smallest valid OCI image manifest (empty config, no layers), for tests that need any manifest. */
public final class EmptyImage {
    public static final String MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
    public static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"" + MEDIA_TYPE + "\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
            + Digest.sha256(new byte[0]) + "\",\"size\":0},\"layers\":[]}";

    private EmptyImage() {
    }
}
