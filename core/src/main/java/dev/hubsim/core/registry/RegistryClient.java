package dev.hubsim.core.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.observability.ClientTelemetry;
import dev.hubsim.core.auth.RequiredAccess;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The registry API (OCI distribution spec) of one registry: manifests, blobs and tags. Obtain it from
 * {@code DockerHubClient.registry()}; it is immutable and thread-safe. Repositories are names like {@code alice/app}
 * or {@code library/nginx}; an {@link ImageReference}'s registry host is not used for routing, the client's
 * registry URL is. Every failure is a {@link dev.hubsim.core.error.DockerHubException}.
 */
public final class RegistryClient {
    /** Tags per page when listing. */
    public static final int DEFAULT_TAGS_PAGE_SIZE = 100;

    private final URI url;
    private final ManifestOperations manifests;
    private final BlobHead blobHead;
    private final BlobUpload blobUpload;
    private final TagLister tags;
    private final RegistryCaller caller;
    private final int maxResumes;
    private final ImageClient images;

    /**
     * @param http       the client with the whole policy chain (auth included)
     * @param chunkSize  smaller blobs go in one request; larger ones with PATCH, a file in one streamed PATCH, a
     *                   stream in chunks of this size
     * @param maxResumes attempts to resume one broken download or PATCH
     * @param telemetry  where operations report spans ({@code docker.manifest.get}, {@code docker.blob.upload}) and counts
     * @param clock      the client's clock, which reads {@code Retry-After} dates
     */
    public RegistryClient(OkHttpClient http, URI url, ObjectMapper json, int chunkSize, int maxResumes,
                          ClientTelemetry telemetry, Clock clock) {
        this.url = Objects.requireNonNull(url, "url");
        HttpUrl base = Objects.requireNonNull(HttpUrl.get(url), "url must be http(s)");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1, got " + chunkSize);
        }
        this.caller = new RegistryCaller(http, base, json, Objects.requireNonNull(telemetry, "telemetry"),
                Objects.requireNonNull(clock, "clock"));
        this.manifests = new ManifestOperations(caller);
        this.blobHead = new BlobHead(caller);
        this.blobUpload = new BlobUpload(caller, chunkSize, maxResumes);
        this.tags = new TagLister(caller);
        this.maxResumes = maxResumes;
        this.images = new ImageClient(this);
    }

    /** Whole images: pull into and push from OCI image layouts. */
    public ImageClient images() {
        return images;
    }

    /** The registry's base URL. */
    public URI url() {
        return url;
    }

    /** The manifest by tag or digest, verified against {@code Docker-Content-Digest} and the requested digest. */
    public FetchedManifest getManifest(ImageReference reference) {
        return manifests.get(reference);
    }

    /** HEAD of a manifest: its digest, media type and size, or empty when the registry does not have it. */
    public Optional<ManifestInfo> checkManifest(ImageReference reference) {
        return manifests.check(reference);
    }

    /** Pushes a manifest under the reference's tag (or digest); returns its digest. */
    public Digest putManifest(ImageReference reference, String mediaType, byte[] bytes) {
        return manifests.put(reference, mediaType, bytes);
    }

    /** Deletes the manifest the reference names (by digest; registries may refuse tags). */
    public void deleteManifest(ImageReference reference) {
        manifests.delete(reference);
    }

    /** HEAD of a blob: its size, or empty when the repository does not have it. */
    public Optional<BlobInfo> checkBlob(String repository, Digest digest) {
        return blobHead.check(repository, digest);
    }

    /**
     * A stream of the blob that verifies its digest as it is read (a mismatch is a
     * {@link dev.hubsim.core.error.DigestMismatchException} at the end of the stream) and resumes with {@code Range}
     * after a dropped connection. Close it.
     */
    public InputStream openBlob(String repository, Digest digest) {
        return BlobDownload.open(caller, repository, digest, maxResumes);
    }

    /** Uploads content of unknown digest; returns the digest computed while sending it. */
    public Digest pushBlob(String repository, BlobContent content) {
        return blobUpload.push(repository, null, content);
    }

    /** Uploads content that must have this digest (checked before the upload is committed). */
    public Digest pushBlob(String repository, Digest digest, BlobContent content) {
        return blobUpload.push(repository, Objects.requireNonNull(digest, "digest"), content);
    }

    /**
     * Mounts the blob from another repository of the same registry; when the registry cannot (202), uploads
     * {@code fallback} into the session it opened instead.
     */
    public MountOutcome mountBlob(String repository, Digest digest, String fromRepository, BlobContent fallback) {
        return blobUpload.mount(repository, digest, fromRepository, fallback);
    }

    /** As {@link #openBlob(String, Digest)}, failing with the operation and target of {@code access}. */
    BlobDownload openBlob(RequiredAccess access, String repository, Digest digest) {
        return BlobDownload.open(caller, access, repository, digest, maxResumes);
    }

    /**
     * As {@link #pushBlob(String, Digest, BlobContent)} for content named by its digest (a layout's blob), failing with
     * the operation and target of {@code access}: the registry checks the digest when the upload is committed, and a
     * mismatch fails with {@code DIGEST_INVALID}; the client does not hash the content again.
     */
    Digest pushNamedBlob(RequiredAccess access, String repository, Digest digest, BlobContent content) {
        return blobUpload.push(access, repository, digest, content, BlobUpload.DigestCheck.REGISTRY);
    }

    /** As {@link #mountBlob}, with a {@link #pushNamedBlob} fallback, failing with the operation and target of {@code access}. */
    MountOutcome mountNamedBlob(RequiredAccess access, String repository, Digest digest, String fromRepository,
                                BlobContent fallback) {
        return blobUpload.mount(access, repository, digest, fromRepository, fallback, BlobUpload.DigestCheck.REGISTRY);
    }

    /** Every tag of the repository, following pagination ({@value #DEFAULT_TAGS_PAGE_SIZE} per page). */
    public List<String> listTags(String repository) {
        return tags.list(repository, DEFAULT_TAGS_PAGE_SIZE);
    }

    /** Every tag of the repository, asking {@code pageSize} per page ({@code n}) and following {@code Link}. */
    public List<String> listTags(String repository, int pageSize) {
        return tags.list(repository, pageSize);
    }

    @Override
    public String toString() {
        return "RegistryClient[" + url + "]";
    }
}
