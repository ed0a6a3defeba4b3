package dev.hubsim.core.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A tag was deleted: hubsim's payload {@code {"delete_data": {"deleted_at", "deleter", "tag"}, "repository": {...}}}
 * (Docker Hub has no such webhook; see {@link WebhookPayloadParser}).
 *
 * @param callbackUrl empty when the payload has none
 */
public record TagDeleted(WebhookRepository repository, String tag, String deleter, Instant deletedAt,
                         Optional<URI> callbackUrl)
        implements WebhookEvent {
}
