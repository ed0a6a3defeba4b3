package dev.hubsim.core.observability;

/**
 * The names of the client's Micrometer observations (spans once a tracer is bridged), and how they nest:
 * <pre>
 * docker.manifest.get                       one manifest GET (a pull as Docker Hub counts it)
 * docker.blob.upload                        one blob push
 *   docker.blob.initiate                    POST .../blobs/uploads/ (or a mount)
 *   docker.blob.chunk                       one PATCH, and its resume
 *   docker.blob.complete                    PUT ...?digest=
 *     docker.request                        one request as the caller sees it, retries included
 *       docker.rate_limiter.check           throttle and fail-fast check (counted requests only)
 *       docker.auth.get_token               a registry token request (inside: docker.http.execute)
 *       docker.http.execute                 one attempt on the wire
 * docker.auth.login                         a Hub login ({@code /v2/users/login}, {@code /v2/auth/token})
 * </pre>
 * Other operations (HEAD, tags, deletes) appear as {@code docker.request} without an operation parent.
 */
public final class DockerSpans {
    public static final String REQUEST = "docker.request";
    public static final String AUTH_GET_TOKEN = "docker.auth.get_token";
    public static final String AUTH_LOGIN = "docker.auth.login";
    public static final String RATE_LIMITER_CHECK = "docker.rate_limiter.check";
    public static final String HTTP_EXECUTE = "docker.http.execute";
    public static final String MANIFEST_GET = "docker.manifest.get";
    public static final String BLOB_UPLOAD = "docker.blob.upload";
    public static final String BLOB_INITIATE = "docker.blob.initiate";
    public static final String BLOB_CHUNK = "docker.blob.chunk";
    public static final String BLOB_COMPLETE = "docker.blob.complete";

    private DockerSpans() {
    }
}
