package dev.hubsim.simulator.http;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.simulator.auth.TokenService.VerifiedToken;
import dev.hubsim.simulator.registry.RegistryException;
import dev.hubsim.simulator.registry.RegistryState;
import dev.hubsim.simulator.registry.StoredManifest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * {@code /v2/<name>/manifests/<reference>}: GET and HEAD with distribution's content negotiation (a GET counts as a
 * pull in the Hub API), PUT with validation of bytes, digest and references (remembering the pusher), DELETE by digest.
 */
final class ManifestRoutes {
    private static final String PATH = "/v2/<name>/manifests/{reference}";

    private final RegistryState state;

    ManifestRoutes(RegistryState state) {
        this.state = state;
    }

    void register(RoutesConfig routes) {
        Routing.add(routes, HandlerType.GET, PATH, Access.PULL, ctx -> get(ctx, true), PullCounting.Counted.PULL);
        Routing.add(routes, HandlerType.HEAD, PATH, Access.PULL, ctx -> get(ctx, false), PullCounting.Counted.PULL);
        Routing.add(routes, HandlerType.PUT, PATH, Access.PUSH, this::put);
        Routing.add(routes, HandlerType.DELETE, PATH, Access.DELETE, this::delete);
    }

    /** GET (with body) or HEAD of a manifest the state holds. */
    void get(Context ctx, boolean withBody) {
        String name = Requests.name(ctx);
        String reference = ctx.pathParam("reference");
        StoredManifest manifest = negotiate(ctx, name, reference, state.manifest(name, reference));
        String etag = "\"" + manifest.digest() + "\"";
        ctx.header("Docker-Content-Digest", manifest.digest().toString());
        ctx.header("ETag", etag);
        ctx.contentType(manifest.mediaType());
        if (withBody) {
            state.recordPull(name, reference);
        }
        String ifNoneMatch = ctx.header("If-None-Match");
        if (etag.equals(ifNoneMatch) || manifest.digest().toString().equals(ifNoneMatch)) {
            ctx.status(304);
            return;
        }
        if (withBody) {
            ctx.result(manifest.bytes());
        } else {
            ctx.header("Content-Length", Integer.toString(manifest.size()));
        }
    }

    /**
     * Distribution's rules: an OCI manifest or index needs its type in Accept; a Docker manifest list fetched by
     * tag by a client that does not accept lists is replaced by its linux/amd64 image; a fetch by digest of a
     * Docker type always returns the stored bytes.
     */
    private StoredManifest negotiate(Context ctx, String name, String reference, StoredManifest stored) {
        List<String> accepted = Requests.acceptedMediaTypes(ctx);
        String type = stored.mediaType();
        if (MediaTypes.OCI_MANIFEST.equals(type) && !accepted.contains(type)) {
            throw RegistryException.of(RegistryErrorCode.MANIFEST_UNKNOWN,
                    "OCI manifest found, but accept header does not support OCI manifests");
        }
        if (MediaTypes.OCI_INDEX.equals(type) && !accepted.contains(type)) {
            throw RegistryException.of(RegistryErrorCode.MANIFEST_UNKNOWN,
                    "OCI index found, but accept header does not support OCI indexes");
        }
        boolean byTag = reference.indexOf(':') < 0;
        if (byTag && MediaTypes.DOCKER_MANIFEST_LIST.equals(type) && !accepted.contains(type)) {
            Descriptor amd64 = stored.model().manifests().stream()
                    .filter(d -> d.platform() != null && "amd64".equals(d.platform().architecture())
                            && "linux".equals(d.platform().os()))
                    .findFirst()
                    .orElseThrow(() -> RegistryException.of(RegistryErrorCode.MANIFEST_UNKNOWN,
                            "manifest list has no linux/amd64 image for a client that does not accept manifest lists"));
            StoredManifest image = state.manifest(name, amd64.digest())
                    .orElseThrow(() -> RegistryException.of(RegistryErrorCode.MANIFEST_UNKNOWN));
            if (MediaTypes.DOCKER_MANIFEST.equals(image.mediaType()) && !accepted.contains(MediaTypes.DOCKER_MANIFEST)) {
                throw RegistryException.of(RegistryErrorCode.MANIFEST_INVALID, "Schema 2 manifest not supported by client");
            }
            return negotiate(ctx, name, amd64.digest().toString(), image);
        }
        return stored;
    }

    private void put(Context ctx) throws IOException {
        String name = Requests.name(ctx);
        byte[] body = readLimited(ctx.req().getInputStream(), RegistryState.MAX_MANIFEST_BYTES + 1);
        String pusher = AccessControl.token(ctx).map(VerifiedToken::subject).filter(s -> !s.isEmpty()).orElse(null);
        StoredManifest stored = state.putManifest(name, ctx.pathParam("reference"), body, ctx.header("Content-Type"),
                ctx.queryParams("tag"), pusher);
        ctx.status(201);
        ctx.header("Location", Requests.origin(ctx) + "/v2/" + name + "/manifests/" + stored.digest());
        ctx.header("Docker-Content-Digest", stored.digest().toString());
        stored.model().subjectDescriptor().ifPresent(subject -> ctx.header("OCI-Subject", subject.digest().toString()));
        if (!ctx.queryParams("tag").isEmpty()) {
            ctx.header("OCI-Tag", String.join(",", ctx.queryParams("tag")));
        }
        ctx.header("Content-Length", "0");
    }

    private void delete(Context ctx) {
        state.deleteManifest(Requests.name(ctx), ctx.pathParam("reference"));
        ctx.status(202);
        ctx.header("Content-Length", "0");
    }

    /**
     * Reads at most {@code limit} bytes; the caller treats a full buffer as "too large". A body that breaks off or
     * is malformed on the wire (bad chunking) is the client's fault: MANIFEST_INVALID, not a server error.
     */
    private static byte[] readLimited(InputStream in, int limit) {
        try {
            return in.readNBytes(limit);
        } catch (IOException e) {
            throw RegistryException.of(RegistryErrorCode.MANIFEST_INVALID, "the manifest body could not be read: " + e);
        }
    }
}
