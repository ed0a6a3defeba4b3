package dev.hubsim.core.webhook;

import dev.hubsim.core.hub.VulnerabilityCounts;
import dev.hubsim.core.reference.Digest;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A tagged image was scanned for vulnerabilities: hubsim's payload {@code {"scan_data": {"scanned_at", "tag",
 * "digest", "summary": {"critical", "high", "medium", "low", "unspecified", "total"}}, "repository": {...}}}
 * (Docker Hub has no such webhook; see {@link WebhookPayloadParser}).
 *
 * @param callbackUrl empty when the payload has none
 */
public record ScanCompleted(WebhookRepository repository, String tag, Digest digest, Instant scannedAt,
                            VulnerabilityCounts summary, Optional<URI> callbackUrl) implements WebhookEvent {
}
