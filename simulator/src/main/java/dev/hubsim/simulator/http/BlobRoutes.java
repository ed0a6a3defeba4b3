package dev.hubsim.simulator.http;

import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.registry.RegistryState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.io.IOException;
import java.nio.channels.FileChannel;

/** {@code /v2/<name>/blobs/<digest>}: GET (whole or one range, streamed from disk), HEAD and DELETE. */
final class BlobRoutes {
    private static final String PATH = "/v2/<name>/blobs/{digest}";
    private final RegistryState state;

    BlobRoutes(RegistryState state) {
        this.state = state;
    }

    void register(RoutesConfig routes) {
        Routing.add(routes, HandlerType.GET, PATH, Access.PULL, this::get);
        Routing.add(routes, HandlerType.HEAD, PATH, Access.PULL, this::head);
        Routing.add(routes, HandlerType.DELETE, PATH, Access.DELETE, this::delete);
    }

    /** HEAD of a blob the state holds. */
    void head(Context ctx) {
        Digest digest = Requests.digest(ctx.pathParam("digest"));
        long size = state.blobSize(Requests.name(ctx), digest);
        describe(ctx, digest);
        ctx.header("Content-Length", Long.toString(size));
    }

    /** GET of a blob the state holds, whole or one range. */
    void get(Context ctx) throws IOException {
        String name = Requests.name(ctx);
        Digest digest = Requests.digest(ctx.pathParam("digest"));
        long size = state.blobSize(name, digest);
        ByteRange range = ByteRange.parse(ctx.header("Range"), size);
        try (FileChannel channel = state.openBlob(name, digest)) {
            describe(ctx, digest);
            long start = 0;
            long length = size;
            if (range != null) {
                ctx.status(206);
                ctx.header("Content-Range", range.contentRange(size));
                start = range.start();
                length = range.length();
            }
            ctx.res().setContentLengthLong(length);
            BlobSender.send(channel, start, length, ctx.res().getOutputStream());
        }
    }

    private void delete(Context ctx) {
        state.deleteBlob(Requests.name(ctx), Requests.digest(ctx.pathParam("digest")));
        ctx.status(202);
        ctx.header("Content-Length", "0");
    }

    /** The headers of a blob response. */
    static void describe(Context ctx, Digest digest) {
        ctx.contentType("application/octet-stream");
        ctx.header("Docker-Content-Digest", digest.toString());
        ctx.header("ETag", "\"" + digest + "\"");
        ctx.header("Accept-Ranges", "bytes");
    }
}
