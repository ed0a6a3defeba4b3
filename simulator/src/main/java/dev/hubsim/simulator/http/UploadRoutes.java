package dev.hubsim.simulator.http;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.registry.RegistryException;
import dev.hubsim.simulator.registry.RegistryState;
import dev.hubsim.simulator.registry.Upload;
import dev.hubsim.simulator.registry.Uploads;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.io.IOException;

/**
 * Blob uploads: {@code POST /v2/<name>/blobs/uploads/} (session, monolithic with {@code ?digest=}, or
 * cross-repository {@code ?mount=&from=}), and {@code PATCH}, {@code PUT ?digest=}, {@code GET} and {@code DELETE}
 * on the session's location.
 */
final class UploadRoutes {
    private static final String START = "/v2/<name>/blobs/uploads/";
    private static final String SESSION = "/v2/<name>/blobs/uploads/{uuid}";

    private final RegistryState state;
    private final Uploads uploads;

    UploadRoutes(RegistryState state) {
        this.state = state;
        this.uploads = state.uploads();
    }

    void register(RoutesConfig routes) {
        Routing.add(routes, HandlerType.POST, START, Access.PUSH, this::start);
        Routing.add(routes, HandlerType.PATCH, SESSION, Access.PUSH, this::patch);
        Routing.add(routes, HandlerType.PUT, SESSION, Access.PUSH, this::complete);
        Routing.add(routes, HandlerType.GET, SESSION, Access.PUSH, this::status);
        Routing.add(routes, HandlerType.DELETE, SESSION, Access.PUSH, this::cancel);
    }

    private void start(Context ctx) throws IOException {
        String name = Requests.name(ctx);
        state.checkName(name);
        String mount = ctx.queryParam("mount");
        if (mount != null) {
            Digest digest = Requests.digest(mount);
            String from = ctx.queryParam("from");
            // The source must be readable too; otherwise the mount quietly becomes a normal upload (202).
            if (from != null && AccessControl.mayPull(ctx, from) && state.mountBlob(name, digest, from)) {
                created(ctx, name, digest);
                return;
            }
        }
        String digest = ctx.queryParam("digest");
        if (digest != null && mount == null) {
            Requests.digest(digest); // a malformed or empty digest is refused before a session exists
        }
        Upload upload = uploads.start(name);
        if (digest != null && mount == null) {
            // POST ?digest=: the whole blob in one request. The client never learns this session, so a failure ends it.
            Digest stored;
            try {
                stored = uploads.complete(name, upload.id(), digest, Requests.body(ctx), null,
                        Requests.contentLength(ctx));
            } catch (RuntimeException e) {
                discard(name, upload);
                throw e;
            }
            created(ctx, name, stored);
            return;
        }
        session(ctx, 202, name, upload);
    }

    private void patch(Context ctx) throws IOException {
        String name = sessionName(ctx);
        String id = ctx.pathParam("uuid");
        Upload upload;
        try {
            upload = uploads.append(name, id, Requests.body(ctx), Requests.contentRange(ctx),
                    Requests.contentLength(ctx));
        } catch (RegistryException e) {
            // A chunk out of order leaves the session as it was: say where to send the right one.
            throw e.code() == RegistryErrorCode.RANGE_INVALID ? e.withHeader("Location", location(ctx, name, id)) : e;
        }
        session(ctx, 202, name, upload);
    }

    private void complete(Context ctx) throws IOException {
        String name = sessionName(ctx);
        Digest digest = uploads.complete(name, ctx.pathParam("uuid"), ctx.queryParam("digest"),
                Requests.body(ctx), Requests.contentRange(ctx), Requests.contentLength(ctx));
        created(ctx, name, digest);
    }

    private void status(Context ctx) {
        String name = sessionName(ctx);
        session(ctx, 204, name, uploads.status(name, ctx.pathParam("uuid")));
    }

    private void cancel(Context ctx) {
        uploads.cancel(sessionName(ctx), ctx.pathParam("uuid"));
        ctx.status(204);
        ctx.header("Docker-Upload-UUID", ctx.pathParam("uuid")); // as distribution answers a cancel
    }

    /** The repository of a session route, refused with NAME_INVALID like every other route when malformed. */
    private String sessionName(Context ctx) {
        String name = Requests.name(ctx);
        state.checkName(name);
        return name;
    }

    /** Ends a session whose request failed, if it is still open. */
    private void discard(String name, Upload upload) {
        if (uploads.find(upload.id()).isPresent()) {
            try {
                uploads.cancel(name, upload.id());
            } catch (RegistryException alreadyGone) {
                // ended meanwhile: nothing to discard
            }
        }
    }

    /** The answer for an open session: where to send the next chunk and what has arrived. */
    private static void session(Context ctx, int status, String name, Upload upload) {
        ctx.status(status);
        ctx.header("Location", location(ctx, name, upload.id()) + "?_state=" + upload.size());
        ctx.header("Docker-Upload-UUID", upload.id());
        ctx.header("Range", upload.rangeHeader());
        ctx.header("Content-Length", "0");
    }

    private static String location(Context ctx, String name, String id) {
        return Requests.origin(ctx) + "/v2/" + name + "/blobs/uploads/" + id;
    }

    /** The answer for a stored blob. */
    private static void created(Context ctx, String name, Digest digest) {
        ctx.status(201);
        ctx.header("Location", Requests.origin(ctx) + "/v2/" + name + "/blobs/" + digest);
        ctx.header("Docker-Content-Digest", digest.toString());
        ctx.header("Content-Length", "0");
    }
}
