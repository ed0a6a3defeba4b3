package dev.hubsim.core.hub;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A repository as the Hub API shows it (reference §2.3): a row of a repository list, or one repository
 * ({@code repository_info}), which adds {@code fullDescription} and {@code permissions} (null in list rows). Fields
 * the Hub adds later are ignored; a field it leaves out is null (or empty for lists).
 *
 * @param status            1 for active
 * @param statusDescription "active" in lists, "Active" for one repository, as the Hub sends them
 * @param lastUpdated       the last push, null when never pushed (lists)
 * @param storageSize       compressed bytes stored, null for a repository without images
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HubRepository(String name, String namespace, String repositoryType, Integer status,
                            String statusDescription, String description, String fullDescription, boolean isPrivate,
                            long starCount, long pullCount, Instant lastUpdated, Instant lastModified,
                            Instant dateRegistered, List<String> mediaTypes, List<String> contentTypes,
                            Long storageSize, Permissions permissions) {

    public HubRepository {
        mediaTypes = mediaTypes == null ? List.of() : List.copyOf(mediaTypes);
        contentTypes = contentTypes == null ? List.of() : List.copyOf(contentTypes);
    }

    /** {@code namespace/name}, as the registry names it. */
    public String fullName() {
        return namespace + "/" + name;
    }

    /** What the signed-in account may do with the repository. */
    public record Permissions(boolean read, boolean write, boolean admin) {
    }
}
