package dev.hubsim.core.hub;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A tag as the Hub API shows it (reference §2.4), with the field names the live service sends where they differ from
 * its OpenAPI description: {@code images} is a list, {@code v2} a boolean, the status {@code tag_status}.
 *
 * @param digest    the digest of the tagged manifest or index
 * @param fullSize  compressed size (of one platform for a multi-platform tag, as the Hub counts it)
 * @param tagStatus "active" or "inactive"
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HubTag(long id, String name, String digest, String mediaType, String contentType, long fullSize,
                     boolean v2, String tagStatus, Instant lastUpdated, String lastUpdaterUsername,
                     Instant tagLastPulled, Instant tagLastPushed, List<Image> images) {

    public HubTag {
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** One platform's image of the tag. {@code variant} and {@code osVersion} are null when the platform has none. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Image(String architecture, String os, String variant, String osVersion, String digest, long size,
                        String status, Instant lastPulled, Instant lastPushed) {

        /** {@code os/architecture[/variant]}, e.g. {@code linux/arm64/v8}. */
        public String platform() {
            return os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
        }
    }
}
