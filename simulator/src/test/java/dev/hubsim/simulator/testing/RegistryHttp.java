package dev.hubsim.simulator.testing;

import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.testing.TestImages.Blob;
import dev.hubsim.simulator.testing.TestImages.Image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * A tiny registry client for tests, over {@link HttpClient} (HTTP/1.1). Requests take a path ({@code /v2/...}) or an
 * absolute URL (an upload {@code Location}) and headers as name/value pairs; every call returns the whole
 * {@link Reply}. The {@code push...} helpers do the usual protocol and fail the test if a step is refused.
 */
public final class RegistryHttp {
    private final URI base;
    private final HttpClient client;
    private final BearerLogin login;

    public RegistryHttp(URI base) {
        this(base, null, null);
    }

    private RegistryHttp(URI base, String user, String password) {
        this.base = base;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.login = user == null ? null : new BearerLogin(client, user, password);
    }

    /**
     * A client that logs in as a Docker client does: after a 401 Bearer challenge it fetches a token for the
     * challenged scope with these credentials and sends the request again (bodies must be re-sendable).
     */
    public static RegistryHttp loggedIn(URI base, String user, String password) {
        return new RegistryHttp(base, user, password);
    }

    public URI base() {
        return base;
    }

    public Reply get(String target, String... headers) {
        return send("GET", target, BodyPublishers.noBody(), headers);
    }

    public Reply head(String target, String... headers) {
        return send("HEAD", target, BodyPublishers.noBody(), headers);
    }

    public Reply delete(String target, String... headers) {
        return send("DELETE", target, BodyPublishers.noBody(), headers);
    }

    public Reply put(String target, byte[] body, String... headers) {
        return send("PUT", target, BodyPublishers.ofByteArray(body), headers);
    }

    public Reply post(String target, byte[] body, String... headers) {
        return send("POST", target, BodyPublishers.ofByteArray(body), headers);
    }

    public Reply patch(String target, byte[] body, String... headers) {
        return send("PATCH", target, BodyPublishers.ofByteArray(body), headers);
    }

    /** Any method and body; headers are name/value pairs (a name may repeat). */
    public Reply send(String method, String target, BodyPublisher body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs");
        }
        URI uri = target.startsWith("http") ? URI.create(target) : base.resolve(target);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).method(method, body);
        if (login != null && body.contentLength() != 0) {
            // A body refused by a 401 cannot be sent again (and a large one breaks the connection): like a Docker
            // client, log in for the push scope before sending it.
            request.header("Authorization", login.authorizationForPush(uri));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            var response = client.send(request.build(), BodyHandlers.ofByteArray());
            String authorization = login != null && response.statusCode() == 401
                    ? login.authorizationFor(response.headers().firstValue("WWW-Authenticate").orElse(null), uri) : null;
            if (authorization != null) {
                response = client.send(request.setHeader("Authorization", authorization).build(), BodyHandlers.ofByteArray());
            }
            return new Reply(method, uri.toString(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---- protocol helpers -----------------------------------------------------------------------------------

    /** Appends a query parameter to an upload location, which may already carry a query string. */
    public static String withParameter(String location, String name, String value) {
        return location + (location.contains("?") ? "&" : "?") + name + "=" + value;
    }

    /** POST .../blobs/uploads/ and returns the session location (absolute). */
    public String startUpload(String repository) {
        return post("/v2/" + repository + "/blobs/uploads/", new byte[0]).expect(202).location();
    }

    /** Pushes content as a blob with POST then PUT ?digest= (the sha256 digest); returns the digest. */
    public Digest pushBlob(String repository, byte[] content) {
        Digest digest = Digest.sha256(content);
        put(withParameter(startUpload(repository), "digest", digest.toString()), content,
                "Content-Type", "application/octet-stream").expect(201);
        return digest;
    }

    public Digest pushBlob(String repository, Blob blob) {
        return pushBlob(repository, blob.bytes());
    }

    /** PUT a manifest under a tag or digest with its media type as Content-Type; fails unless 201. */
    public Reply pushManifest(String repository, String reference, Image image) {
        return putManifest(repository, reference, image.bytes(), image.mediaType()).expect(201);
    }

    /** PUT manifest bytes with a Content-Type, whatever the answer. */
    public Reply putManifest(String repository, String reference, byte[] bytes, String contentType) {
        return put("/v2/" + repository + "/manifests/" + reference, bytes, "Content-Type", contentType);
    }

    /** Pushes the blobs, the children (by digest) and then the manifest itself under {@code reference}. */
    public Reply pushImage(String repository, String reference, Image image) {
        for (Blob blob : image.blobs()) {
            pushBlob(repository, blob);
        }
        for (Image child : image.children()) {
            pushImage(repository, child.digest().toString(), child);
        }
        return pushManifest(repository, reference, image);
    }

    /** GET a manifest accepting every manifest type. */
    public Reply getManifest(String repository, String reference) {
        return get("/v2/" + repository + "/manifests/" + reference, "Accept", ACCEPT_ALL);
    }

    /** The four manifest types in one Accept header. */
    public static final String ACCEPT_ALL = String.join(", ", MediaTypes.DOCKER_MANIFEST,
            MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.OCI_MANIFEST, MediaTypes.OCI_INDEX);
}
