package dev.hubsim.core.error;

import java.util.Arrays;
import java.util.Optional;

/**
 * The registry error codes of the OCI distribution spec (code-1 to code-14) and of the CNCF distribution
 * registry, each with the HTTP status a registry answers it with and distribution's default message.
 * The first error of an {@code {"errors":[...]}} body decides the response status.
 */
public enum RegistryErrorCode {
    /** code-1: a blob named in the request is unknown to the registry. */
    BLOB_UNKNOWN(404, "blob unknown to registry"),
    /** code-2: the blob upload encountered an error and can no longer proceed. */
    BLOB_UPLOAD_INVALID(404, "blob upload invalid"),
    /** code-3: the upload session is unknown, cancelled or expired. */
    BLOB_UPLOAD_UNKNOWN(404, "blob upload unknown to registry"),
    /** code-4: the digest given does not match the content. */
    DIGEST_INVALID(400, "provided digest did not match uploaded content"),
    /** code-5: a manifest references a blob (or child manifest) that is not in the repository. */
    MANIFEST_BLOB_UNKNOWN(400, "blob unknown to registry"),
    /** code-6: the manifest is malformed or does not validate. */
    MANIFEST_INVALID(400, "manifest invalid"),
    /** code-7: the manifest is unknown to the repository. */
    MANIFEST_UNKNOWN(404, "manifest unknown"),
    /** code-8: the repository name is not valid. */
    NAME_INVALID(400, "invalid repository name"),
    /** code-9: the repository is not known to the registry. */
    NAME_UNKNOWN(404, "repository name not known to registry"),
    /** code-10: the content length does not match the content. */
    SIZE_INVALID(400, "provided length did not match content length"),
    /** code-11: authentication is required. */
    UNAUTHORIZED(401, "authentication required"),
    /** code-12: access to the resource is denied. */
    DENIED(403, "requested access to the resource is denied"),
    /** code-13: the operation is unsupported. */
    UNSUPPORTED(405, "The operation is unsupported."),
    /** code-14: too many requests (Docker Hub's pull rate limit). */
    TOOMANYREQUESTS(429, "too many requests"),
    /** distribution: an upload chunk does not continue where the upload stands. */
    RANGE_INVALID(416, "invalid content range"),
    /** distribution: a pagination parameter is not a valid number. */
    PAGINATION_NUMBER_INVALID(400, "invalid number of results requested"),
    /** distribution: legacy schema-1 tag mismatch. */
    TAG_INVALID(400, "manifest tag did not match URI"),
    /** distribution: the service is temporarily unavailable. */
    UNAVAILABLE(503, "service unavailable"),
    /** distribution: an unknown error. */
    UNKNOWN(500, "unknown error");

    private final int httpStatus;
    private final String defaultMessage;

    RegistryErrorCode(int httpStatus, String defaultMessage) {
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    /** The HTTP status a registry answers this code with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The message distribution sends when it has nothing more specific. */
    public String defaultMessage() {
        return defaultMessage;
    }

    /** The code with this exact name, as found in an error body, if we know it. */
    public static Optional<RegistryErrorCode> byName(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
