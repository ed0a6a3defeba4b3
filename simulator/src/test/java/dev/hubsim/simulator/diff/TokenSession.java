package dev.hubsim.simulator.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Blob;
import dev.hubsim.simulator.testing.TestImages.Image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Test fixture: a session with Docker Hub's token auth, as a Docker client logs in: the 401 challenge, a token for
 * the push scope with Basic credentials, an authenticated push and pull, and an unauthenticated pull refused.
 */
final class TokenSession {
    static final String PASSWORD = "carol-password-Tz55";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenSession() {
    }

    static void drive(SessionRecorder session, String user) {
        String repository = user + "/app";
        session.send("GET", "/v2/", null);
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> token = session.send("GET", "/token?service=registry.docker.io&scope=repository:" + repository
                + ":pull,push&account=" + user, null, "Authorization", basic);
        String bearer = "Bearer " + tokenOf(token);
        session.send("GET", "/v2/", null, "Authorization", bearer);
        Image image = TestImages.image(MediaTypes.OCI_MANIFEST, 1, 6000);
        for (Blob blob : image.blobs()) {
            String upload = session.location(session.send("POST", "/v2/" + repository + "/blobs/uploads/", null,
                    "Authorization", bearer));
            session.send("PUT", RegistryHttp.withParameter(upload, "digest", blob.digest().toString()), blob.bytes(),
                    "Authorization", bearer, "Content-Type", "application/octet-stream");
        }
        session.send("PUT", "/v2/" + repository + "/manifests/v1", image.bytes(), "Authorization", bearer,
                "Content-Type", image.mediaType());
        session.send("GET", "/v2/" + repository + "/manifests/v1", null, "Authorization", bearer,
                "Accept", RegistryHttp.ACCEPT_ALL);
        session.send("GET", "/v2/" + repository + "/manifests/v1", null, "Accept", RegistryHttp.ACCEPT_ALL);
    }

    private static String tokenOf(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body()).path("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
