package dev.hubsim.core.registry;

import dev.hubsim.core.auth.RequiredAccess;
import dev.hubsim.core.error.DigestMismatchException;
import dev.hubsim.core.error.TransportException;
import dev.hubsim.core.reference.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A blob as a stream that hashes every byte it hands out. At the end of the stream the digest must be the one the
 * blob was asked for, else {@link DigestMismatchException}: a wrong blob is never returned silently. When the
 * connection drops mid-way, the rest is requested with {@code Range: bytes=<read>-} (at most {@code maxResumes}
 * times); a server that ignores the range (200) has the bytes already read skipped, unhashed.
 */
final class BlobDownload extends InputStream {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final RegistryCaller caller;
    private final String repository;
    private final Digest digest;
    private final RequiredAccess access;
    private final MessageDigest hash;
    private int resumesLeft;
    private long position;
    private long expectedSize = -1;
    private Response response;
    private InputStream body;
    private boolean verified;
    private DigestMismatchException mismatch;

    private BlobDownload(RegistryCaller caller, RequiredAccess access, String repository, Digest digest, int maxResumes) {
        this.caller = caller;
        this.repository = repository;
        this.digest = digest;
        this.access = access;
        this.hash = digest.algorithm().newMessageDigest();
        this.resumesLeft = maxResumes;
    }

    /** Starts the download (so that a missing blob fails here, not at the first read). */
    static BlobDownload open(RegistryCaller caller, String repository, Digest digest, int maxResumes) {
        return open(caller, RequiredAccess.pull("get blob " + digest, repository), repository, digest, maxResumes);
    }

    /** As {@link #open(RegistryCaller, String, Digest, int)}, failing with the operation and target of {@code access}. */
    static BlobDownload open(RegistryCaller caller, RequiredAccess access, String repository, Digest digest,
                             int maxResumes) {
        BlobDownload download = new BlobDownload(caller, access, repository, digest, maxResumes);
        download.connect();
        return download;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (mismatch != null) {
            throw mismatch;
        }
        if (verified) {
            return -1;
        }
        while (true) {
            int n;
            try {
                n = body.read(buffer, offset, length);
            } catch (IOException e) {
                resumeAfter(e);
                continue;
            }
            if (n < 0) {
                finish();
                return -1;
            }
            hash.update(buffer, offset, n);
            position += n;
            return n;
        }
    }

    @Override
    public void close() {
        if (response != null) {
            response.close();
        }
    }

    // GET /v2/<name>/blobs/<digest>, with Range: bytes=<position>- when resuming
    private void connect() {
        Request.Builder request = new Request.Builder().url(caller.url(repository, "blobs", digest.toString()).build()).get();
        if (position > 0) {
            request.header("Range", "bytes=" + position + "-");
        }
        Response answer = caller.call(request, access);
        if (answer.code() == 200) {
            response = answer;
            if (expectedSize < 0) {
                expectedSize = answer.body().contentLength();
            }
            body = answer.body().byteStream();
            skipAlreadyRead();
        } else if (answer.code() == 206 && position > 0) {
            checkContentRange(answer);
            response = answer;
            body = answer.body().byteStream();
        } else {
            throw caller.failure(answer, access);
        }
    }

    private void resumeAfter(IOException failure) {
        response.close();
        if (resumesLeft-- <= 0) {
            throw new TransportException(access.operation(), access.target(), failure);
        }
        connect();
    }

    /** The server ignored the Range and sent the whole blob: throw away what we already have. */
    private void skipAlreadyRead() {
        if (position == 0) {
            return;
        }
        try {
            body.skipNBytes(position);
        } catch (IOException e) {
            resumeAfter(e);
        }
    }

    private void checkContentRange(Response answer) {
        String header = answer.header("Content-Range");
        Matcher m = header == null ? null : CONTENT_RANGE.matcher(header.trim());
        if (m == null || !m.matches() || Long.parseLong(m.group(1)) != position) {
            throw caller.protocol(answer, access, "the resumed download's Content-Range '" + header
                    + "' does not start at byte " + position);
        }
    }

    private void finish() {
        if (expectedSize >= 0 && position != expectedSize) {
            throw new TransportException(access.operation(), access.target(),
                    new IOException("the blob ended after " + position + " of " + expectedSize + " bytes"));
        }
        Digest actual = Digest.fromMessageDigest(digest.algorithm(), hash.digest());
        close();
        if (!actual.equals(digest)) {
            mismatch = new DigestMismatchException(access.operation(), access.target(), digest, actual,
                    "the blob received (" + position + " bytes)");
            throw mismatch;
        }
        verified = true;
    }
}
