package dev.hubsim.simulator.hubapi;

import dev.hubsim.simulator.registry.RepositoryView;
import dev.hubsim.simulator.registry.RepositoryView.TagView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Repositories and tags written with the field names and formats Docker Hub sends (reference §2.3, §2.4). Where the
 * live service differs from its OpenAPI description, this follows the live service: a tag's {@code images} is an
 * array (spec: object), {@code v2} a boolean (spec: string), the status is {@code tag_status} (spec: {@code status}),
 * and {@code status_description} is "Active" for one repository but "active" in lists, as the spec's own examples
 * show. Numeric ids, which the simulator has no use for, are stable hashes of the names.
 */
final class HubViews {
    private final TagImages images;

    HubViews(TagImages images) {
        this.images = images;
    }

    /** What the caller may do with a repository ({@code permissions} of {@code repository_info}). */
    record Permissions(boolean read, boolean write, boolean admin) {
    }

    /** An entry of a repository list; {@code legacy} adds the fields of {@code /v2/repositories/{ns}/} (§2.7). */
    Map<String, Object> listEntry(RepositoryView repository, Permissions permissions, boolean legacy) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (legacy) {
            entry.put("user", repository.namespace());
        }
        entry.put("name", repository.shortName());
        entry.put("namespace", repository.namespace());
        entry.put("repository_type", "image");
        entry.put("status", 1);
        entry.put("status_description", "active");
        entry.put("description", repository.description());
        entry.put("is_private", repository.isPrivate());
        if (legacy) {
            entry.put("is_automated", false);
            entry.put("can_edit", permissions.write());
            entry.put("is_migrated", false);
        }
        entry.put("star_count", 0);
        entry.put("pull_count", repository.pullCount());
        entry.put("last_updated", HubJson.time(repository.lastUpdated()));
        entry.put("last_modified", HubJson.time(lastModified(repository)));
        entry.put("date_registered", HubJson.time(repository.created()));
        entry.put("affiliation", "");
        entry.put("media_types", mediaTypes(repository));
        entry.put("content_types", contentTypes(repository));
        entry.put("categories", List.of());
        // The list entry's storage_size is a non-null integer in the spec, unlike repository_info's.
        entry.put("storage_size", java.util.Objects.requireNonNullElse(storageSize(repository), 0L));
        return entry;
    }

    /** One repository ({@code repository_info}). */
    Map<String, Object> info(RepositoryView repository, Permissions permissions) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("user", repository.namespace());
        info.put("name", repository.shortName());
        info.put("namespace", repository.namespace());
        info.put("repository_type", "image");
        info.put("status", 1);
        info.put("status_description", "Active");
        info.put("description", repository.description());
        info.put("is_private", repository.isPrivate());
        info.put("is_automated", false);
        info.put("star_count", 0);
        info.put("pull_count", repository.pullCount());
        // repository_info requires last_updated; a repository never pushed to shows its creation (the spec's example).
        info.put("last_updated", HubJson.time(lastModified(repository)));
        info.put("last_modified", HubJson.time(lastModified(repository)));
        info.put("date_registered", HubJson.time(repository.created()));
        info.put("collaborator_count", 0);
        info.put("affiliation", "");
        info.put("hub_user", repository.namespace());
        info.put("has_starred", false);
        info.put("full_description", repository.fullDescription());
        Map<String, Object> allowed = new LinkedHashMap<>();
        allowed.put("read", permissions.read());
        allowed.put("write", permissions.write());
        allowed.put("admin", permissions.admin());
        info.put("permissions", allowed);
        info.put("media_types", mediaTypes(repository));
        info.put("content_types", contentTypes(repository));
        info.put("categories", List.of());
        info.put("immutable_tags_settings", Map.of("enabled", false, "rules", List.of()));
        info.put("storage_size", storageSize(repository));
        info.put("source", null);
        return info;
    }

    /** One tag with its images. */
    Map<String, Object> tag(RepositoryView repository, TagView tag) {
        String pusher = tag.history().pusher() != null ? tag.history().pusher() : repository.namespace();
        List<Map<String, Object>> imageList = new ArrayList<>();
        long fullSize = 0;
        for (TagImages.Image image : images.of(repository.name(), tag.manifest())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("architecture", image.platform().architecture());
            entry.put("features", "");
            entry.put("variant", image.platform().variant());
            entry.put("digest", image.digest().toString());
            entry.put("os", image.platform().os());
            entry.put("os_features", "");
            entry.put("os_version", image.platform().osVersion());
            entry.put("size", image.size());
            entry.put("status", "active");
            entry.put("last_pulled", HubJson.time(tag.history().lastPulled()));
            entry.put("last_pushed", HubJson.time(tag.history().pushed()));
            // full_size of a multi-platform tag is the size of one platform, as Hub reports it (§2.4): the first.
            fullSize = imageList.isEmpty() ? image.size() : fullSize;
            imageList.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("creator", id(pusher));
        body.put("id", id(repository.name() + ":" + tag.name()));
        body.put("images", imageList);
        body.put("last_updated", HubJson.time(tag.history().pushed()));
        body.put("last_updater", id(pusher));
        body.put("last_updater_username", pusher);
        body.put("name", tag.name());
        body.put("repository", id(repository.name()));
        body.put("full_size", fullSize);
        body.put("v2", true);
        body.put("tag_status", "active");
        body.put("tag_last_pulled", HubJson.time(tag.history().lastPulled()));
        body.put("tag_last_pushed", HubJson.time(tag.history().pushed()));
        body.put("media_type", tag.manifest().mediaType());
        body.put("content_type", "image");
        body.put("digest", tag.manifest().digest().toString());
        return body;
    }

    private static java.time.Instant lastModified(RepositoryView repository) {
        return repository.lastUpdated() != null ? repository.lastUpdated() : repository.created();
    }

    private static List<String> mediaTypes(RepositoryView repository) {
        Set<String> types = new TreeSet<>();
        repository.tags().forEach(tag -> types.add(tag.manifest().mediaType()));
        return List.copyOf(types);
    }

    private static List<String> contentTypes(RepositoryView repository) {
        return repository.tags().isEmpty() ? List.of() : List.of("image");
    }

    /** The compressed size of every image tagged, each counted once; null for a repository without tags. */
    private Long storageSize(RepositoryView repository) {
        if (repository.tags().isEmpty()) {
            return null;
        }
        Set<String> seen = new LinkedHashSet<>();
        long total = 0;
        for (TagView tag : repository.tags()) {
            for (TagImages.Image image : images.of(repository.name(), tag.manifest())) {
                if (seen.add(image.digest().toString())) {
                    total += image.size();
                }
            }
        }
        return total;
    }

    /** A stable positive number for a name (Docker Hub's ids are integers). */
    private static int id(String name) {
        return name.hashCode() & 0x7fffffff;
    }
}
