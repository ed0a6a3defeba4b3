package dev.hubsim.simulator.registry;

import java.time.Instant;
import java.util.List;

/**
 * A repository as the Hub API sees it, at one moment: privacy, descriptions, dates, pull count and its tags.
 *
 * @param lastUpdated the last push or change of the description; null before anything happened
 */
public record RepositoryView(String name, boolean isPrivate, String description, String fullDescription,
                             Instant created, Instant lastUpdated, long pullCount, List<TagView> tags) {

    /** The namespace: what comes before the last {@code /}. */
    public String namespace() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** The repository's own name: what comes after the last {@code /}. */
    public String shortName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** One tag: the manifest it points at and its history. */
    public record TagView(String name, StoredManifest manifest, TagHistory history) {
    }
}
