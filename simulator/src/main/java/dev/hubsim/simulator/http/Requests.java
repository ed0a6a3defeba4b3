package dev.hubsim.simulator.http;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.InvalidDigestException;
import dev.hubsim.simulator.registry.ContentRange;
import dev.hubsim.simulator.registry.RegistryException;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.HttpInput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reading the parts of a registry request that several routes share. */
public final class Requests {
    private Requests() {
    }

    /** The repository name of a {@code /v2/<name>/...} route. */
    static String name(Context ctx) {
        return ctx.pathParam("name");
    }

    /** A digest path or query parameter; a malformed one is {@code DIGEST_INVALID}. */
    static Digest digest(String text) {
        try {
            return Digest.parse(text);
        } catch (InvalidDigestException e) {
            throw RegistryException.of(RegistryErrorCode.DIGEST_INVALID, e.getMessage());
        }
    }

    /** Every media type in every {@code Accept} header (clients such as skopeo send several headers). */
    static List<String> acceptedMediaTypes(Context ctx) {
        List<String> types = new ArrayList<>();
        for (String header : Collections.list(ctx.req().getHeaders("Accept"))) {
            for (String part : header.split(",")) {
                int semicolon = part.indexOf(';');
                String type = (semicolon >= 0 ? part.substring(0, semicolon) : part).trim().toLowerCase(java.util.Locale.ROOT);
                if (!type.isEmpty()) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    /**
     * The request body. Jetty's own stream is returned as one that is also a {@link ReadableByteChannel}, which
     * reads into a direct buffer without the copy through a byte array.
     */
    static InputStream body(Context ctx) throws IOException {
        InputStream in = ctx.req().getInputStream();
        return in instanceof HttpInput jetty ? new JettyBody(jetty) : in;
    }

    /** The declared body length, or null when the body is chunked or absent. */
    static Long contentLength(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        return length >= 0 ? length : null;
    }

    /** The {@code Content-Range} of an upload chunk, or null. */
    static ContentRange contentRange(Context ctx) {
        String header = ctx.header("Content-Range");
        return header == null || header.isBlank() ? null : ContentRange.parse(header);
    }

    /** The {@code n} pagination parameter: absent, or a non-negative number ({@code PAGINATION_NUMBER_INVALID} otherwise). */
    static Integer pageSize(Context ctx) {
        String n = ctx.queryParam("n");
        if (n == null || n.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(n);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw RegistryException.of(RegistryErrorCode.PAGINATION_NUMBER_INVALID, "invalid number of results requested: n="
                    + n, java.util.Map.of("n", n));
        }
    }

    /** The scheme and authority this request was addressed to, for absolute {@code Location} headers. */
    public static String origin(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || host.isBlank()) {
            host = ctx.req().getLocalAddr() + ":" + ctx.req().getLocalPort();
        }
        return ctx.scheme() + "://" + host;
    }

    /** Jetty's request stream, readable as a stream and as a channel. */
    private static final class JettyBody extends InputStream implements ReadableByteChannel {
        private final HttpInput in;

        JettyBody(HttpInput in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            return in.read(bytes, offset, length);
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            return in.read(target);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
