package dev.hubsim.simulator.diff;

import java.util.Set;

/**
 * What the comparison ignores because it differs between any two runs of the same server, documented in one place:
 * <ul>
 *   <li>JSON fields {@link #JSON}: issued credentials ({@code token}, {@code access_token}, {@code refresh_token}),
 *       their lifetimes and every timestamp the Hub API returns;</li>
 *   <li>the value of {@code Docker-Upload-UUID} and of {@code WWW-Authenticate} (only their presence is compared:
 *       session ids are random, and the realm names whichever host served the recording);</li>
 *   <li>{@code Location}: only its shape is compared, the path with the host dropped, upload session ids replaced by
 *       {@code {uuid}} and the query reduced to its parameter names;</li>
 *   <li>the message and detail of registry errors (only the codes are compared: the spec leaves the text free).</li>
 * </ul>
 */
final class VolatileFields {
    /** Top-level JSON fields never compared. */
    static final Set<String> JSON = Set.of("token", "access_token", "refresh_token", "expires_in", "issued_at",
            "last_updated", "last_pushed", "last_pulled", "date_registered", "tag_last_pushed", "tag_last_pulled",
            "last_modified", "created", "updated");

    private VolatileFields() {
    }
}
