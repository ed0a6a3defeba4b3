package dev.hubsim.simulator.cli;

import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.seed.Seed;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hubsim warm-up} (hidden): starts a simulator on a free loopback port, signs in, pushes and pulls a tiny
 * image (monolithic and two-step uploads) and reads it through the Hub API, then stops. Run once under {@code -XX:ArchiveClassesAtExit=FILE}, it
 * records the classes a start and the first requests load in a class-data-sharing archive; later starts with
 * {@code -XX:SharedArchiveFile=FILE} skip loading and verifying them. The {@code hubsim} launcher and the image do this.
 */
@Command(name = "warm-up", hidden = true,
        description = "Start, push and pull a tiny image over loopback, stop: a training run for a CDS archive.")
final class WarmUpCommand implements Callable<Integer> {
    private static final String USER = "warm-up";
    private static final String PASSWORD = "warm-up-password";
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public Integer call() throws IOException {
        Seed seed = Seed.EMPTY.withUsers(List.of(USER + ":" + PASSWORD));
        try (Simulator simulator = Simulator.builder().port(0).auth(AuthMode.TOKEN).seed(seed).start()) {
            new Session(simulator.baseUri()).run();
        }
        return 0;
    }

    /** The requests of the training run, each expected to succeed. */
    private record Session(URI base) {
        void run() throws IOException {
            expect(401, "GET", "/v2/", null, null);
            String basic = "Basic " + Base64.getEncoder()
                    .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            String scope = "repository:" + USER + "/app:pull,push";
            String bearer = "Bearer " + token(expect(200, "GET",
                    "/token?service=registry.docker.io&scope=" + scope, basic, null));
            byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
                    .getBytes(StandardCharsets.UTF_8);
            byte[] layer = "warm-up layer".getBytes(StandardCharsets.UTF_8);
            String repository = "/v2/" + USER + "/app";
            Digest configDigest = Digest.sha256(config);
            Digest layerDigest = Digest.sha256(layer);
            expect(201, "POST", repository + "/blobs/uploads/?digest=" + configDigest, bearer, config);
            HttpURLConnection started = expect(202, "POST", repository + "/blobs/uploads/", bearer, null);
            String location = started.getHeaderField("Location");
            String separator = location.contains("?") ? "&" : "?";
            expect(201, "PUT", location + separator + "digest=" + layerDigest, bearer, layer);
            String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
                    + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":"
                    + "\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + layerDigest + "\",\"size\":"
                    + layer.length + "}]}";
            expect(201, "PUT", repository + "/manifests/v1", bearer, manifest.getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Type", "application/vnd.oci.image.manifest.v1+json"));
            expect(200, "GET", repository + "/manifests/v1", bearer, null,
                    Map.of("Accept", "application/vnd.oci.image.manifest.v1+json"));
            expect(200, "HEAD", repository + "/blobs/" + layerDigest, bearer, null);
            expect(200, "GET", repository + "/blobs/" + layerDigest, bearer, null);
            expect(200, "GET", repository + "/tags/list", bearer, null);
            String login = "{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}";
            String jwt = "Bearer " + token(expect(200, "POST", "/v2/users/login", null,
                    login.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json")));
            expect(200, "GET", "/v2/namespaces/" + USER + "/repositories/app/tags", jwt, null);
            expect(200, "GET", "/_hubsim/health", null, null);
        }

        private static String token(HttpURLConnection connection) throws IOException {
            try (InputStream in = connection.getInputStream()) {
                Matcher token = TOKEN.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (!token.find()) {
                    throw new IOException("warm-up: no token in the answer of " + connection.getURL().getPath());
                }
                return token.group(1);
            }
        }

        private HttpURLConnection expect(int status, String method, String path, String authorization, byte[] body)
                throws IOException {
            return expect(status, method, path, authorization, body, Map.of());
        }

        private HttpURLConnection expect(int status, String method, String path, String authorization, byte[] body,
                                         Map<String, String> headers) throws IOException {
            HttpURLConnection connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
            connection.setRequestMethod(method);
            if (authorization != null) {
                connection.setRequestProperty("Authorization", authorization);
            }
            headers.forEach(connection::setRequestProperty);
            if (body != null) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int answered = connection.getResponseCode();
            if (answered != status) {
                throw new IOException("warm-up: " + method + " " + path.replaceAll("\\?.*", "") + " answered "
                        + answered + ", expected " + status);
            }
            return connection;
        }
    }
}
