package dev.hubsim.core.registry;

import dev.hubsim.core.auth.RequiredAccess;
import dev.hubsim.core.error.DigestMismatchException;
import dev.hubsim.core.error.DockerHubException;
import dev.hubsim.core.error.TransportException;
import dev.hubsim.core.observability.DockerSpans;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;
import dev.hubsim.core.reference.DigestingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Blob push, streamed through one chunk buffer: content that fits in a chunk goes in one {@code PUT ?digest=}
 * (monolithic), larger content in {@code PATCH} chunks then a closing {@code PUT}. A failed PATCH (I/O error, 416 or
 * 5xx) is resumed from the offset the server reports ({@code GET <Location>}, {@code Range: 0-<last>}), at most
 * {@code maxResumes} times per push. The digest is computed while reading; a mismatch with the announced digest
 * cancels the upload before it is committed. Spans: {@code docker.blob.upload} around {@code docker.blob.initiate}
 * (the POST), one {@code docker.blob.chunk} per PATCH (its resume included) and {@code docker.blob.complete} (the PUT).
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
                repository, expected, content);
    }

    /** As {@link #push(String, Digest, BlobContent)}, failing with the operation and target of {@code access}. */
    Digest push(RequiredAccess access, String repository, Digest expected, BlobContent content) {
        return observe(DockerSpans.BLOB_UPLOAD, access, () -> {
            HttpUrl location = observe(DockerSpans.BLOB_INITIATE, access, () -> {
                // POST /v2/<name>/blobs/uploads/
                Response response = caller.call(post(caller.url(repository, "blobs", "uploads", "").build()), access);
                if (response.code() != 202) {
                    throw caller.failure(response, access);
                }
                return locationOf(response, access);
            });
            return upload(location, expected, content, access);
        });
    }

    MountOutcome mount(String repository, Digest digest, String fromRepository, BlobContent fallback) {
        return mount(RequiredAccess.push("mount blob " + digest + " from " + fromRepository, repository)
                .plusPull(fromRepository), repository, digest, fromRepository, fallback);
    }

    /** As {@link #mount(String, Digest, String, BlobContent)}, failing with the operation and target of {@code access}. */
    MountOutcome mount(RequiredAccess access, String repository, Digest digest, String fromRepository,
                       BlobContent fallback) {
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
            upload(locationOf(response, access), digest, fallback, access);
            return MountOutcome.UPLOADED;
        });
    }

    private Digest upload(HttpUrl location, Digest expected, BlobContent content, RequiredAccess access) {
        DigestAlgorithm algorithm = expected != null ? expected.algorithm() : DigestAlgorithm.SHA256;
        try (InputStream source = content.open(); DigestingInputStream in = new DigestingInputStream(source, algorithm)) {
            byte[] buffer = new byte[chunkSize];
            int n = in.readNBytes(buffer, 0, buffer.length);
            if (n < buffer.length) {
                Digest digest = verified(in.digest(), expected, location, access);
                complete(location, digest, buffer, n, access);
                return digest;
            }
            long offset = 0;
            while (n > 0) {
                location = chunk(location, offset, buffer, n, access);
                offset += n;
                n = in.readNBytes(buffer, 0, buffer.length);
            }
            Digest digest = verified(in.digest(), expected, location, access);
            complete(location, digest, EMPTY, 0, access);
            return digest;
        } catch (IOException e) {
            cancel(location, access);
            throw new TransportException(access.operation(), access.target(), e);
        }
    }

    private HttpUrl chunk(HttpUrl location, long start, byte[] buffer, int length, RequiredAccess access) {
        HttpUrl from = location;
        return observe(DockerSpans.BLOB_CHUNK, access, () -> patch(from, start, buffer, length, access));
    }

    private void complete(HttpUrl location, Digest digest, byte[] buffer, int length, RequiredAccess access) {
        observe(DockerSpans.BLOB_COMPLETE, access, () -> {
            commit(location, digest, buffer, length, access);
            return null;
        });
    }

    private <T> T observe(String span, RequiredAccess access, Supplier<T> action) {
        return caller.telemetry().observe(span, access.target(), action);
    }

    /** Sends one chunk, resuming from the server's offset after a failure; returns the next Location. */
    private HttpUrl patch(HttpUrl location, long start, byte[] buffer, int length, RequiredAccess access) {
        int sent = 0;
        int resumesLeft = maxResumes;
        while (true) {
            DockerHubException failure;
            // PATCH <Location>, Content-Range: <first>-<last>
            Request.Builder request = new Request.Builder().url(location)
                    .header("Content-Range", (start + sent) + "-" + (start + length - 1))
                    .patch(RequestBody.create(buffer, OCTET_STREAM, sent, length - sent));
            try {
                Response response = caller.call(request, access);
                if (response.code() == 202) {
                    return locationOf(response, access);
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
            UploadStatus status = status(location, start, access);
            location = status.location();
            if (status.received() < start || status.received() > start + length) {
                throw new TransportException(access.operation(), access.target(), new IOException("cannot resume the "
                        + "upload: the server holds " + status.received() + " bytes but the chunk in hand covers bytes "
                        + start + " to " + (start + length - 1)));
            }
            sent = (int) (status.received() - start);
            if (sent == length) {
                return location;
            }
        }
    }

    // GET <Location>: 204 with Range: 0-<last> and Location
    private UploadStatus status(HttpUrl location, long acknowledged, RequiredAccess access) {
        Response response = caller.call(new Request.Builder().url(location).get(), access);
        if (response.code() != 204 && response.code() != 202) {
            throw caller.failure(response, access);
        }
        HttpUrl next = response.header("Location") == null ? location : caller.location(response, access);
        String range = response.header("Range");
        try (response) {
            return new UploadStatus(next, UploadRange.received(range, acknowledged)
                    .orElseThrow(() -> caller.protocol(response, access, "the upload status has no valid Range header: '"
                            + range + "'")));
        }
    }

    // PUT <Location>?digest=<digest>, with the last bytes if any
    private void commit(HttpUrl location, Digest digest, byte[] buffer, int length, RequiredAccess access) {
        HttpUrl url = location.newBuilder().addQueryParameter("digest", digest.toString()).build();
        Response response = caller.call(new Request.Builder().url(url)
                .put(RequestBody.create(buffer, OCTET_STREAM, 0, length)), access);
        if (response.code() != 201) {
            throw caller.failure(response, access);
        }
        response.close();
    }

    private Digest verified(Digest actual, Digest expected, HttpUrl location, RequiredAccess access) {
        if (expected != null && !expected.equals(actual)) {
            cancel(location, access);
            throw new DigestMismatchException(access.operation(), access.target(), expected, actual, "the content read");
        }
        return actual;
    }

    // DELETE <Location>, best effort: the push fails anyway
    private void cancel(HttpUrl location, RequiredAccess access) {
        try {
            caller.call(new Request.Builder().url(location).delete(), access).close();
        } catch (DockerHubException ignored) {
            // the registry expires abandoned uploads
        }
    }

    private HttpUrl locationOf(Response response, RequiredAccess access) {
        try (response) {
            return caller.location(response, access);
        }
    }

    private static Request.Builder post(HttpUrl url) {
        return new Request.Builder().url(url).post(RequestBody.create(EMPTY));
    }

    private record UploadStatus(HttpUrl location, long received) {
    }
}
