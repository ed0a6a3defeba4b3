package dev.hubsim.simulator.diff;

import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Blob;
import dev.hubsim.simulator.testing.TestImages.Image;

import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Test fixture: one registry session, the same against any server: monolithic and chunked blob pushes, blob and
 * manifest reads (by tag and digest, HEAD and GET), the usual errors, tag listing, a cross-repository mount and a
 * manifest delete.
 */
final class RegistrySession {
    static final String REPOSITORY = "diff/app";

    private RegistrySession() {
    }

    static void drive(SessionRecorder session) {
        Blob config = TestImages.config(MediaTypes.OCI_CONFIG);
        Blob layer = TestImages.layer(20 * 1024);
        Image image = TestImages.image(MediaTypes.OCI_MANIFEST, config, layer);
        String v2 = "/v2/" + REPOSITORY;
        String octets = "application/octet-stream";

        session.send("GET", "/v2/", null);
        // monolithic push of the config
        String upload = session.location(session.send("POST", v2 + "/blobs/uploads/", null));
        session.send("PUT", RegistryHttp.withParameter(upload, "digest", config.digest().toString()), config.bytes(),
                "Content-Type", octets);
        // chunked push of the layer, in two chunks
        String chunked = session.location(session.send("POST", v2 + "/blobs/uploads/", null));
        byte[] first = Arrays.copyOfRange(layer.bytes(), 0, 10 * 1024);
        byte[] second = Arrays.copyOfRange(layer.bytes(), first.length, layer.size());
        HttpResponse<byte[]> patched = session.send("PATCH", chunked, first, "Content-Type", octets,
                "Content-Range", "0-" + (first.length - 1));
        patched = session.send("PATCH", session.location(patched), second, "Content-Type", octets,
                "Content-Range", first.length + "-" + (layer.size() - 1));
        session.send("PUT", RegistryHttp.withParameter(session.location(patched), "digest", layer.digest().toString()), null);
        // blob reads and errors
        session.send("HEAD", v2 + "/blobs/" + layer.digest(), null);
        session.send("GET", v2 + "/blobs/" + layer.digest(), null);
        Digest missing = Digest.sha256(new byte[] {7});
        session.send("GET", v2 + "/blobs/" + missing, null);
        session.send("HEAD", v2 + "/blobs/" + missing, null);
        session.send("GET", v2 + "/blobs/sha256:not-hex", null);
        String wrong = session.location(session.send("POST", v2 + "/blobs/uploads/", null));
        session.send("PUT", RegistryHttp.withParameter(wrong, "digest", missing.toString()), new byte[] {1, 2},
                "Content-Type", octets);
        // manifests
        session.send("PUT", v2 + "/manifests/v1", image.bytes(), "Content-Type", image.mediaType());
        session.send("GET", v2 + "/manifests/v1", null, "Accept", RegistryHttp.ACCEPT_ALL);
        session.send("HEAD", v2 + "/manifests/" + image.digest(), null, "Accept", RegistryHttp.ACCEPT_ALL);
        session.send("GET", v2 + "/manifests/missing", null, "Accept", RegistryHttp.ACCEPT_ALL);
        Image dangling = TestImages.image(MediaTypes.OCI_MANIFEST, 1, 100);
        session.send("PUT", v2 + "/manifests/dangling", dangling.bytes(), "Content-Type", dangling.mediaType());
        session.send("GET", v2 + "/tags/list", null);
        // mount into another repository, then delete the manifest
        session.send("POST", "/v2/diff/other/blobs/uploads/?mount=" + layer.digest() + "&from=" + REPOSITORY, null);
        session.send("HEAD", "/v2/diff/other/blobs/" + layer.digest(), null);
        session.send("DELETE", v2 + "/manifests/" + image.digest(), null);
        session.send("GET", v2 + "/manifests/v1", null, "Accept", RegistryHttp.ACCEPT_ALL);
    }
}
