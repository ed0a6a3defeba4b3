package dev.hubsim.core.webhook;

import java.net.URI;
import java.util.Optional;

/**
 * What a webhook payload announces, about a tag of a repository. Docker Hub sends {@link ImagePushed}; the payloads of
 * {@link TagDeleted} and {@link ScanCompleted} are hubsim's own (see {@link WebhookPayloadParser}).
 */
public sealed interface WebhookEvent permits ImagePushed, TagDeleted, ScanCompleted {

    WebhookRepository repository();

    String tag();

    /**
     * The payload's {@code callback_url}: Docker Hub's legacy validation endpoint (reference §6), absent when the
     * payload has none.
     */
    Optional<URI> callbackUrl();
}
