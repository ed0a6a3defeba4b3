package dev.hubsim.core.registry;

import dev.hubsim.core.reference.ResumableDigest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * The bytes {@code from} to {@code to - 1} of re-readable content as a request body, read from the source as they are
 * sent (through a small buffer, never the whole range) and fed to the upload's digest, if any, by position, so that
 * bytes sent again after a resume are digested once. Writable more than once (an authentication retry sends it again).
 */
final class ContentRangeBody extends RequestBody {
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final int BUFFER_SIZE = 64 * 1024;

    private final BlobContent.Reopenable content;
    private final long from;
    private final long to;
    private final ResumableDigest digest;

    /** @param digest the upload's digest, or null when the client does not hash the content */
    ContentRangeBody(BlobContent.Reopenable content, long from, long to, ResumableDigest digest) {
        this.content = content;
        this.from = from;
        this.to = to;
        this.digest = digest;
    }

    @Override
    public MediaType contentType() {
        return OCTET_STREAM;
    }

    @Override
    public long contentLength() {
        return to - from;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        if (digest != null && from > digest.length()) {
            throw new IOException("cannot resume at byte " + from + ": only the first " + digest.length()
                    + " bytes were sent");
        }
        try (InputStream in = content.open(from)) {
            byte[] buffer = new byte[(int) Math.min(BUFFER_SIZE, to - from)];
            long position = from;
            while (position < to) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, to - position));
                if (n < 0) {
                    throw new EOFException("the content ended at byte " + position + ", before byte " + to
                            + " it was to send");
                }
                if (digest != null) {
                    digest.update(position, buffer, 0, n);
                }
                sink.write(buffer, 0, n);
                position += n;
            }
        }
    }
}
