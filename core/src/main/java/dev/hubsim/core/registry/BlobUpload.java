package dev.hubsim.core.registry;

import dev.hubsim.core.auth.RequiredAccess;
import dev.hubsim.core.error.DigestMismatchException;
import dev.hubsim.core.error.DockerHubException;
import dev.hubsim.core.error.TransportException;
import dev.hubsim.core.observability.DockerSpans;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;
import dev.hubsim.core.reference.DigestingInputStream;
import dev.hubsim.core.reference.ResumableDigest;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Blob push: content smaller than a chunk goes in one {@code PUT ?digest=} (monolithic); larger content is sent with
 * {@code PATCH}, then a closing {@code PUT}: {@link BlobContent.Reopenable} content (a file) streamed from its source in
 * one PATCH, like docker and skopeo send a layer, other content through one chunk buffer, one PATCH per chunk. A failed
 * PATCH (I/O error, 416 or 5xx) is resumed from the offset the server reports ({@code GET <Location>},
 * {@code Range: 0-<last>}), at most {@code maxResumes} times per PATCH: a file is read again from that offset. With
 * {@link DigestCheck#CLIENT} the digest is computed while reading, and a mismatch with the announced digest cancels the
 * upload before it is committed. Spans: {@code docker.blob.upload} around {@code docker.blob.initiate} (the POST), one
 * {@code docker.blob.chunk} per PATCH (its resumes included) and {@code docker.blob.complete} (the PUT).
 */
final class BlobUpload {
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final byte[] EMPTY = new byte[0];

    private final RegistryCaller caller;
    private final int chunkSize;
    private final int maxResumes;

    BlobUpload(RegistryCaller caller, int chunkSize, int maxResumes) {
        this.caller = caller;
        this.chunkSize = chunkSize;
        this.maxResumes = maxResumes;
    }

    Digest push(String repository, Digest expected, BlobContent content) {
        return push(RequiredAccess.push("push blob" + (expected == null ? "" : " " + expected), repository),
                repository, expected, content, DigestCheck.CLIENT);
    }

    /**
     * As {@link #push(String, Digest, BlobContent)}, failing with the operation and target of {@code access}, the
     * digest checked as {@code check} says.
     */
    Digest push(RequiredAccess access, String repository, Digest expected, BlobContent content, DigestCheck check) {
        return observe(DockerSpans.BLOB_UPLOAD, access, () -> {
            HttpUrl location = observe(DockerSpans.BLOB_INITIATE, access, () -> {
                // POST /v2/<name>/blobs/uploads/
                Response response = caller.call(post(caller.url(repository, "blobs", "uploads", "").build()), access);
                if (response.code() != 202) {
                    throw caller.failure(response, access);
                }
                return locationOf(response, access);
            });
            return new Session(repository, location, access).upload(expected, content, check);
        });
    }

    MountOutcome mount(String repository, Digest digest, String fromRepository, BlobContent fallback) {
        return mount(RequiredAccess.push("mount blob " + digest + " from " + fromRepository, repository)
                .plusPull(fromRepository), repository, digest, fromRepository, fallback, DigestCheck.CLIENT);
    }

    /**
     * As {@link #mount(String, Digest, String, BlobContent)}, failing with the operation and target of
     * {@code access}, the digest of an upload checked as {@code check} says.
     */
    MountOutcome mount(RequiredAccess access, String repository, Digest digest, String fromRepository,
                       BlobContent fallback, DigestCheck check) {
        // POST /v2/<name>/blobs/uploads/?mount=<digest>&from=<other>
        HttpUrl url = caller.url(repository, "blobs", "uploads", "").addQueryParameter("mount", digest.toString())
                .addQueryParameter("from", fromRepository).build();
        return observe(DockerSpans.BLOB_UPLOAD, access, () -> {
            Response response = observe(DockerSpans.BLOB_INITIATE, access, () -> caller.call(post(url), access));
            if (response.code() == 201) {
                response.close();
                return MountOutcome.MOUNTED;
            }
            if (response.code() != 202) {
                throw caller.failure(response, access);
            }
            new Session(repository, locationOf(response, access), access).upload(digest, fallback, check);
            return MountOutcome.UPLOADED;
        });
    }

    private <T> T observe(String span, RequiredAccess access, Supplier<T> action) {
        return caller.telemetry().observe(span, access.target(), action);
    }

    private HttpUrl locationOf(Response response, RequiredAccess access) {
        try (response) {
            return caller.location(response, access);
        }
    }

    private static Request.Builder post(HttpUrl url) {
        return new Request.Builder().url(url).post(RequestBody.create(EMPTY));
    }

    /** Who checks that the content of an upload has the announced digest. */
    enum DigestCheck {
        /** The client, hashing the content as it reads it: a mismatch cancels the upload before its commit. */
        CLIENT,
        /**
         * The registry, when the upload is committed ({@code PUT ?digest=}): a mismatch fails the commit with
         * {@code DIGEST_INVALID}. For content named by its digest, such as the blobs of an OCI layout: the client does
         * not hash it again. Content of unknown digest is hashed all the same.
         */
        REGISTRY
    }

    /** The bytes {@code from} to {@code to - 1} of the chunk in hand, as a request body. */
    @FunctionalInterface
    private interface ChunkBody {
        RequestBody of(long from, long to);
    }

    /** One upload session: where its next request goes, which moves with every answer. */
    private final class Session {
        private final String repository;
        private final RequiredAccess access;
        private HttpUrl location;

        private Session(String repository, HttpUrl location, RequiredAccess access) {
            this.repository = repository;
            this.location = location;
            this.access = access;
        }

        Digest upload(Digest expected, BlobContent content, DigestCheck check) {
            // what to hash the content with as it is read; nothing when the registry alone checks a known digest
            DigestAlgorithm algorithm = expected == null ? DigestAlgorithm.SHA256
                    : check == DigestCheck.CLIENT ? expected.algorithm() : null;
            try {
                if (content instanceof BlobContent.Reopenable reopenable) {
                    long size = reopenable.size();
                    return size >= chunkSize ? streamed(reopenable, size, expected, algorithm)
                            : buffered(reopenable, (int) size, expected, algorithm);
                }
                return buffered(content, chunkSize, expected, algorithm);
            } catch (IOException e) {
                cancel();
                throw new TransportException(access.operation(), access.target(), e);
            }
        }

        /**
         * The content in one PATCH, read from its source as it is sent and again from the server's offset to resume;
         * hashed with {@code algorithm} unless it is null.
         */
        private Digest streamed(BlobContent.Reopenable content, long size, Digest expected, DigestAlgorithm algorithm) {
            ResumableDigest digest = algorithm == null ? null : new ResumableDigest(algorithm);
            chunk(0, size, (from, to) -> new ContentRangeBody(content, from, to, digest));
            Digest actual = digest == null ? expected : verified(digest.digest(), expected);
            complete(actual, EMPTY, 0);
            return actual;
        }

        /**
         * Content read into a buffer of {@code capacity} bytes, sent whole when it fits, else chunk by chunk; hashed
         * with {@code algorithm} unless it is null.
         */
        private Digest buffered(BlobContent content, int capacity, Digest expected, DigestAlgorithm algorithm)
                throws IOException {
            try (InputStream source = content.open();
                 InputStream in = algorithm == null ? source : new DigestingInputStream(source, algorithm)) {
                byte[] buffer = new byte[capacity];
                int n = in.readNBytes(buffer, 0, buffer.length);
                if (n < chunkSize) {
                    Digest digest = checked(in, expected);
                    complete(digest, buffer, n);
                    return digest;
                }
                long offset = 0;
                while (n > 0) {
                    long start = offset;
                    chunk(start, n, (from, to) -> RequestBody.create(buffer, OCTET_STREAM, (int) (from - start),
                            (int) (to - from)));
                    offset += n;
                    n = in.readNBytes(buffer, 0, buffer.length);
                }
                Digest digest = checked(in, expected);
                complete(digest, EMPTY, 0);
                return digest;
            }
        }

        /** The digest of what {@code in} read when it hashed it (checked against {@code expected}), else expected. */
        private Digest checked(InputStream in, Digest expected) {
            return in instanceof DigestingInputStream digesting ? verified(digesting.digest(), expected) : expected;
        }

        private void chunk(long start, long length, ChunkBody body) {
            observe(DockerSpans.BLOB_CHUNK, access, () -> {
                patch(start, length, body);
                return null;
            });
        }

        private void complete(Digest digest, byte[] buffer, int length) {
            observe(DockerSpans.BLOB_COMPLETE, access, () -> {
                commit(digest, buffer, length);
                return null;
            });
        }

        /** Sends bytes {@code start} to {@code start + length - 1}, resuming from the server's offset after a failure. */
        private void patch(long start, long length, ChunkBody body) {
            long sent = 0;
            int resumesLeft = maxResumes;
            while (true) {
                DockerHubException failure;
                // PATCH <Location>, Content-Range: <first>-<last>
                Request.Builder request = new Request.Builder().url(location)
                        .header("Content-Range", (start + sent) + "-" + (start + length - 1))
                        .patch(body.of(start + sent, start + length));
                try {
                    Response response = caller.call(request, access);
                    if (response.code() == 202) {
                        location = locationOf(response, access);
                        return;
                    }
                    boolean resumable = response.code() == 416 || response.code() >= 500;
                    failure = caller.failure(response, access);
                    if (!resumable) {
                        throw failure;
                    }
                } catch (TransportException e) {
                    failure = e;
                }
                if (resumesLeft-- <= 0) {
                    throw failure;
                }
                long received = status(start);
                if (received < start || received > start + length) {
                    throw new TransportException(access.operation(), access.target(), new IOException("cannot resume "
                            + "the upload: the server holds " + received + " bytes but the chunk in hand covers bytes "
                            + start + " to " + (start + length - 1)));
                }
                sent = received - start;
                if (sent == length) {
                    return;
                }
            }
        }

        // GET <Location>: 204 with Range: 0-<last> and Location; returns the bytes received
        private long status(long acknowledged) {
            Response response = caller.call(new Request.Builder().url(location).get(), access);
            if (response.code() != 204 && response.code() != 202) {
                throw caller.failure(response, access);
            }
            if (response.header("Location") != null) {
                location = caller.location(response, access);
            }
            String range = response.header("Range");
            try (response) {
                return UploadRange.received(range, acknowledged).orElseThrow(() -> caller.protocol(response, access,
                        "the upload status has no valid Range header: '" + range + "'"));
            }
        }

        /**
         * Commits the upload with its last bytes, if any. When the connection is lost before the answer (a pooled
         * connection the registry had closed, say), the commit is not retried blindly, since a second one would fail
         * after a first that succeeded: HEAD says whether the blob is stored, and only if not, and the upload holds
         * none of the last bytes, is the PUT sent once more.
         */
        private void commit(Digest digest, byte[] buffer, int length) {
            try {
                put(digest, buffer, length);
            } catch (TransportException lost) {
                if (stored(digest)) {
                    return;
                }
                if (length > 0 && status(0) > 0) {
                    throw lost;
                }
                put(digest, buffer, length);
            }
        }

        // PUT <Location>?digest=<digest>, with the last bytes if any
        private void put(Digest digest, byte[] buffer, int length) {
            HttpUrl url = location.newBuilder().addQueryParameter("digest", digest.toString()).build();
            Response response = caller.call(new Request.Builder().url(url)
                    .put(RequestBody.create(buffer, OCTET_STREAM, 0, length)), access);
            if (response.code() != 201) {
                throw caller.failure(response, access);
            }
            response.close();
        }

        // HEAD /v2/<name>/blobs/<digest>
        private boolean stored(Digest digest) {
            try (Response response = caller.call(new Request.Builder()
                    .url(caller.url(repository, "blobs", digest.toString()).build()).head(), access)) {
                return response.code() == 200;
            }
        }

        private Digest verified(Digest actual, Digest expected) {
            if (expected != null && !expected.equals(actual)) {
                cancel();
                throw new DigestMismatchException(access.operation(), access.target(), expected, actual,
                        "the content read");
            }
            return actual;
        }

        // DELETE <Location>, best effort: the push fails anyway
        private void cancel() {
            try {
                caller.call(new Request.Builder().url(location).delete(), access).close();
            } catch (DockerHubException ignored) {
                // the registry expires abandoned uploads
            }
        }
    }
}
