package dev.hubsim.simulator.mirror;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.AuthenticationException;
import dev.hubsim.core.error.CircuitOpenException;
import dev.hubsim.core.error.DockerHubException;
import dev.hubsim.core.error.InsufficientScopeException;
import dev.hubsim.core.error.RegistryError;
import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.error.RegistryErrorException;
import dev.hubsim.core.error.TransportException;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.BlobInfo;
import dev.hubsim.core.registry.FetchedManifest;
import dev.hubsim.core.registry.ManifestInfo;
import dev.hubsim.core.registry.RegistryClient;
import dev.hubsim.simulator.registry.RegistryException;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The upstream registry, through hubsim's own client (which follows the upstream's {@code WWW-Authenticate} Bearer
 * challenge to its token realm, anonymously or with the mirror's credentials, and verifies every digest). Its
 * failures become the {@link RegistryException} the mirror answers: the upstream's own registry error (code and
 * status) when it sent one, {@code UNAVAILABLE} (503) when it cannot be reached (or the client's circuit breaker is
 * open after such failures), {@code DENIED} (403) when it refuses the mirror's credentials, and {@code UNKNOWN} with
 * 502 when it answers something wrong.
 */
final class Upstream {
    private final URI url;
    private final String host;
    private final RegistryClient registry;

    Upstream(MirrorSettings settings, Interceptor counter) {
        this.url = settings.upstream();
        this.host = url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
        DockerHubClient.Builder client = DockerHubClient.builder()
                .registryUrl(url.toString())
                .httpClient(new OkHttpClient.Builder().addNetworkInterceptor(counter).build());
        if (settings.credentials() != null) {
            client.credentials(settings.credentials().username(), settings.credentials().secret());
        } else {
            client.anonymous();
        }
        this.registry = client.build().registry();
    }

    URI url() {
        return url;
    }

    /** GET of a manifest by tag or digest (accepting every manifest type), its digest verified. */
    FetchedManifest manifest(String name, String reference) {
        return call(() -> registry.getManifest(reference(name, reference)));
    }

    /** HEAD of a manifest; empty when the upstream does not have it. */
    Optional<ManifestInfo> checkManifest(String name, String reference) {
        return call(() -> registry.checkManifest(reference(name, reference)));
    }

    /** HEAD of a blob; empty when the upstream does not have it. */
    Optional<BlobInfo> checkBlob(String name, Digest digest) {
        return call(() -> registry.checkBlob(name, digest));
    }

    /**
     * GET of a blob: a stream that verifies the digest at its end (a mismatch is an exception from the last read)
     * and resumes a dropped download. A missing blob fails here, before any byte.
     */
    InputStream openBlob(String name, Digest digest) {
        return call(() -> registry.openBlob(name, digest));
    }

    /** Translates a failure of the client into the answer the mirror gives. */
    RegistryException failure(RuntimeException error) {
        if (error instanceof RegistryException registryError) {
            return registryError;
        }
        if (error instanceof RegistryErrorException upstreamError) {
            RegistryError first = upstreamError.errors().isEmpty() ? null : upstreamError.errors().get(0);
            RegistryErrorCode code = first == null ? RegistryErrorCode.UNKNOWN
                    : first.knownCode().orElse(RegistryErrorCode.UNKNOWN);
            String message = first == null || first.message().isEmpty() ? code.defaultMessage() : first.message();
            return RegistryException.of(code, "upstream " + url + ": " + message).withStatus(upstreamError.status());
        }
        if (error instanceof TransportException || error instanceof CircuitOpenException) {
            // After repeated transport failures the client's circuit breaker opens: still "cannot be reached".
            return RegistryException.of(RegistryErrorCode.UNAVAILABLE, "the upstream registry " + url
                    + " cannot be reached: " + rootMessage(error));
        }
        if (error instanceof AuthenticationException || error instanceof InsufficientScopeException) {
            return RegistryException.of(RegistryErrorCode.DENIED, "the upstream registry " + url
                    + " refused the mirror's access: " + error.getMessage());
        }
        if (error instanceof DockerHubException) {
            return RegistryException.of(RegistryErrorCode.UNKNOWN, "the upstream registry " + url
                    + " answered unexpectedly: " + error.getMessage()).withStatus(502);
        }
        throw error;
    }

    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    private ImageReference reference(String name, String reference) {
        boolean byDigest = reference.indexOf(':') >= 0;
        return new ImageReference(host, name, byDigest ? null : reference, byDigest ? Digest.parse(reference) : null);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
