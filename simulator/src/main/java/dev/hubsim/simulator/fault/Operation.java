package dev.hubsim.simulator.fault;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a request does, as fault rules and the journal name it: read from its method and path by
 * {@link RequestTarget#of}. Requests that are none of the six (deletes, tag lists, the catalog, {@code /v2/}) are
 * {@link #OTHER}.
 */
public enum Operation {
    /** {@code GET} or {@code POST /token}. */
    TOKEN("token"),
    /** {@code GET} or {@code HEAD /v2/<name>/manifests/<reference>}. */
    MANIFEST_GET("manifest-get"),
    /** {@code PUT /v2/<name>/manifests/<reference>}. */
    MANIFEST_PUT("manifest-put"),
    /** {@code GET} or {@code HEAD /v2/<name>/blobs/<digest>}. */
    BLOB_GET("blob-get"),
    /** Any request to {@code /v2/<name>/blobs/uploads/...}. */
    BLOB_UPLOAD("blob-upload"),
    /** The Hub API: {@code /v2/users/}, {@code /v2/auth/}, {@code /v2/access-tokens}, {@code /v2/namespaces/}, ... */
    HUB_API("hub-api"),
    /** Everything else. */
    OTHER("other");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON and query parameters, e.g. {@code blob-get}. */
    public String wireName() {
        return wireName;
    }

    /** The operation of this wire name (case-insensitive), if there is one. */
    public static Optional<Operation> byWireName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(o -> o.wireName.equals(wanted)).findFirst();
    }

    /** Every wire name, for error messages. */
    public static String wireNames() {
        return Arrays.stream(values()).map(Operation::wireName).collect(Collectors.joining(", "));
    }
}
