package dev.hubsim.core.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A tag was pushed: Docker Hub's webhook ({@code push_data}, reference §6), one per pushed tag.
 *
 * @param pusher      the account that pushed
 * @param images      the legacy {@code push_data.images} list (automated builds era); usually empty
 * @param callbackUrl empty when the payload has none
 */
public record ImagePushed(WebhookRepository repository, String tag, String pusher, Instant pushedAt,
                          List<String> images, Optional<URI> callbackUrl) implements WebhookEvent {

    public ImagePushed {
        images = List.copyOf(images);
    }
}
