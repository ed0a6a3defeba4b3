package dev.hubsim.core.registry;

import dev.hubsim.core.auth.RequiredAccess;
import dev.hubsim.core.error.DigestMismatchException;
import dev.hubsim.core.error.TransportException;
import dev.hubsim.core.manifest.InvalidManifestException;
import dev.hubsim.core.manifest.Manifest;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.observability.DockerSpans;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.reference.InvalidDigestException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Manifest get, HEAD, put and delete: {@code /v2/<name>/manifests/<reference>}. */
final class ManifestOperations {
    /** Docker's limit on manifest size; a larger answer is refused before it fills memory. */
    static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
    private static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST_LIST,
            MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST);

    private final RegistryCaller caller;

    ManifestOperations(RegistryCaller caller) {
        this.caller = caller;
    }

    Optional<ManifestInfo> check(ImageReference reference) {
        RequiredAccess access = RequiredAccess.pull("check manifest " + reference.reference(), reference.repository());
        // HEAD /v2/<name>/manifests/<reference>
        Response response = caller.call(request(reference).head(), access);
        if (response.code() == 404) {
            response.close();
            return Optional.empty();
        }
        if (response.code() != 200) {
            throw caller.failure(response, access);
        }
        try (response) {
            Digest digest = headerDigest(response, access)
                    .or(() -> Optional.ofNullable(reference.digest()))
                    .orElseThrow(() -> caller.protocol(response, access, "the answer has no Docker-Content-Digest header"));
            if (reference.digest() != null && !reference.digest().equals(digest)) {
                throw new DigestMismatchException(access.operation(), access.target(), reference.digest(), digest,
                        "the manifest the registry describes");
            }
            return Optional.of(new ManifestInfo(digest, contentType(response), lengthOf(response)));
        }
    }

    FetchedManifest get(ImageReference reference) {
        FetchedManifest manifest = caller.telemetry().observe(DockerSpans.MANIFEST_GET, reference.repository(),
                () -> fetch(reference));
        caller.telemetry().metrics().pulled();
        return manifest;
    }

    private FetchedManifest fetch(ImageReference reference) {
        RequiredAccess access = RequiredAccess.pull("get manifest " + reference.reference(), reference.repository());
        // GET /v2/<name>/manifests/<reference>
        Response response = caller.call(request(reference).get(), access);
        if (response.code() != 200) {
            throw caller.failure(response, access);
        }
        try (response) {
            byte[] bytes = readLimited(response, access);
            Optional<Digest> announced = headerDigest(response, access);
            DigestAlgorithm algorithm = announced.map(Digest::algorithm)
                    .orElse(reference.digest() != null ? reference.digest().algorithm() : DigestAlgorithm.SHA256);
            Digest actual = Digest.of(algorithm, bytes);
            if (announced.isPresent() && !announced.get().equals(actual)) {
                throw new DigestMismatchException(access.operation(), access.target(), announced.get(), actual,
                        "the manifest body (Docker-Content-Digest)");
            }
            if (reference.digest() != null) {
                Digest byRequested = Digest.of(reference.digest().algorithm(), bytes);
                if (!reference.digest().equals(byRequested)) {
                    throw new DigestMismatchException(access.operation(), access.target(), reference.digest(),
                            byRequested, "the manifest body");
                }
            }
            Manifest manifest;
            try {
                manifest = Manifest.parse(bytes, response.header("Content-Type"));
            } catch (InvalidManifestException e) {
                throw caller.protocol(response, access, "the manifest served is not valid: " + e.getMessage());
            }
            return new FetchedManifest(actual, manifest.mediaType(), bytes, manifest);
        }
    }

    Digest put(ImageReference reference, String mediaType, byte[] bytes) {
        Objects.requireNonNull(mediaType, "mediaType");
        RequiredAccess access = RequiredAccess.push("put manifest " + reference.reference(), reference.repository());
        Digest digest = Digest.of(reference.digest() != null ? reference.digest().algorithm() : DigestAlgorithm.SHA256, bytes);
        if (reference.digest() != null && !reference.digest().equals(digest)) {
            throw new DigestMismatchException(access.operation(), access.target(), reference.digest(), digest,
                    "the manifest to push");
        }
        // PUT /v2/<name>/manifests/<reference>
        Response response = caller.call(request(reference).put(RequestBody.create(bytes, MediaType.get(mediaType))), access);
        if (response.code() != 201 && response.code() != 200) {
            throw caller.failure(response, access);
        }
        try (response) {
            Optional<Digest> answered = headerDigest(response, access);
            if (answered.isPresent() && !answered.get().equals(Digest.of(answered.get().algorithm(), bytes))) {
                throw new DigestMismatchException(access.operation(), access.target(),
                        Digest.of(answered.get().algorithm(), bytes), answered.get(), "the manifest the registry stored");
            }
            caller.telemetry().metrics().pushed();
            return digest;
        }
    }

    void delete(ImageReference reference) {
        RequiredAccess access = RequiredAccess.delete("delete manifest " + reference.reference(), reference.repository());
        // DELETE /v2/<name>/manifests/<reference>
        Response response = caller.call(request(reference).delete(), access);
        if (response.code() != 202 && response.code() != 200 && response.code() != 204) {
            throw caller.failure(response, access);
        }
        response.close();
    }

    private Request.Builder request(ImageReference reference) {
        return new Request.Builder().url(caller.url(reference.repository(), "manifests", reference.reference()).build())
                .header("Accept", ACCEPT);
    }

    private Optional<Digest> headerDigest(Response response, RequiredAccess access) {
        String header = response.header("Docker-Content-Digest");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Digest.parse(header.trim()));
        } catch (InvalidDigestException e) {
            throw caller.protocol(response, access, "the Docker-Content-Digest header is not a digest: " + e.getMessage());
        }
    }

    private static String contentType(Response response) {
        String type = response.header("Content-Type");
        return type == null ? "" : type.split(";", 2)[0].trim();
    }

    private static long lengthOf(Response response) {
        String length = response.header("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private byte[] readLimited(Response response, RequiredAccess access) {
        try (InputStream in = response.body().byteStream()) {
            byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw caller.protocol(response, access, "the manifest is larger than " + MAX_MANIFEST_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new TransportException(access.operation(), access.target(), e);
        }
    }
}
