package dev.hubsim.simulator.http;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.fault.Connections;
import dev.hubsim.simulator.mirror.BlobResponse;
import dev.hubsim.simulator.mirror.Mirror;
import dev.hubsim.simulator.registry.RegistryException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The registry routes of a pull-through cache: manifest and blob pulls are made sure of through the {@link Mirror}
 * (fetched from the upstream when the state lacks them) and served as the simulator serves them; a blob the state
 * lacks is streamed from the upstream as it arrives. Pushes and deletes are refused with {@code UNSUPPORTED} (405),
 * as distribution's proxy mode refuses them. {@code GET /_hubsim/mirror} gives the {@link Mirror#stats() statistics}.
 */
final class MirrorRoutes {
    private static final String MANIFEST = "/v2/<name>/manifests/{reference}";
    private static final String BLOB = "/v2/<name>/blobs/{digest}";
    private static final String UPLOADS = "/v2/<name>/blobs/uploads";
    private static final String UPLOAD = "/v2/<name>/blobs/uploads/{id}";

    private final Mirror mirror;
    private final ManifestRoutes manifests;
    private final BlobRoutes blobs;

    MirrorRoutes(Mirror mirror, ManifestRoutes manifests, BlobRoutes blobs) {
        this.mirror = mirror;
        this.manifests = manifests;
        this.blobs = blobs;
    }

    void register(RoutesConfig routes) {
        Routing.add(routes, HandlerType.GET, MANIFEST, Access.PULL, ctx -> manifest(ctx, true), PullCounting.Counted.PULL);
        Routing.add(routes, HandlerType.HEAD, MANIFEST, Access.PULL, ctx -> manifest(ctx, false), PullCounting.Counted.PULL);
        Routing.add(routes, HandlerType.GET, BLOB, Access.PULL, this::blob);
        Routing.add(routes, HandlerType.HEAD, BLOB, Access.PULL, this::blobHead);
        Handler refuse = MirrorRoutes::refuse;
        Routing.add(routes, HandlerType.PUT, MANIFEST, Access.PUSH, refuse);
        Routing.add(routes, HandlerType.DELETE, MANIFEST, Access.DELETE, refuse);
        Routing.add(routes, HandlerType.DELETE, BLOB, Access.DELETE, refuse);
        Routing.add(routes, HandlerType.POST, UPLOADS, Access.PUSH, refuse);
        for (HandlerType method : new HandlerType[] {HandlerType.GET, HandlerType.PATCH, HandlerType.PUT, HandlerType.DELETE}) {
            Routing.add(routes, method, UPLOAD, Access.PUSH, refuse);
        }
        routes.get("/_hubsim/mirror", ctx -> Json.reply(ctx, 200, mirror.stats()));
    }

    private void manifest(Context ctx, boolean withBody) {
        mirror.ensureManifest(Requests.name(ctx), ctx.pathParam("reference"));
        manifests.get(ctx, withBody);
    }

    private void blobHead(Context ctx) {
        String name = Requests.name(ctx);
        Digest digest = Requests.digest(ctx.pathParam("digest"));
        if (mirror.hasBlob(name, digest)) {
            blobs.head(ctx);
            return;
        }
        long size = mirror.blobSizeUpstream(name, digest);
        BlobRoutes.describe(ctx, digest);
        ctx.header("Content-Length", Long.toString(size));
    }

    private void blob(Context ctx) throws IOException {
        String name = Requests.name(ctx);
        Digest digest = Requests.digest(ctx.pathParam("digest"));
        if (mirror.hasBlob(name, digest)) {
            blobs.get(ctx);
            return;
        }
        mirror.fetchBlob(name, digest, new BlobResponse() {
            @Override
            public OutputStream start() throws IOException {
                BlobRoutes.describe(ctx, digest);
                ctx.status(200);
                return ctx.res().getOutputStream();
            }

            @Override
            public void abort() {
                Connections.cut(ctx.req(), true);
            }
        });
    }

    private static void refuse(Context ctx) {
        throw RegistryException.of(RegistryErrorCode.UNSUPPORTED, "The operation is unsupported. hubsim is a "
                + "pull-through cache (mirror) here: it takes no pushes or deletes");
    }
}
