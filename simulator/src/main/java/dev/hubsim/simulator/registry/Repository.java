package dev.hubsim.simulator.registry;

import dev.hubsim.core.reference.Digest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One repository's metadata: tags, manifests and the blobs linked into it, and what the Hub API shows about it
 * (descriptions, dates, pull count, each tag's history). Reads are lock-free (concurrent collections and volatile
 * fields); {@link RegistryState} makes compound changes under the repository's monitor.
 */
final class Repository {
    private final String name;
    private final NavigableMap<String, Digest> tags = new ConcurrentSkipListMap<>();
    private final Map<Digest, StoredManifest> manifests = new ConcurrentHashMap<>();
    private final Set<Digest> blobs = ConcurrentHashMap.newKeySet();
    private final Map<String, TagHistory> tagHistory = new ConcurrentHashMap<>();
    private final AtomicLong pullCount = new AtomicLong();
    private final Instant created;
    private volatile boolean isPrivate;
    private volatile boolean declared;
    private volatile String description = "";
    private volatile String fullDescription = "";
    private volatile Instant lastUpdated;

    Repository(String name, boolean isPrivate, Instant created) {
        this.name = name;
        this.isPrivate = isPrivate;
        this.created = created;
    }

    String name() {
        return name;
    }

    NavigableMap<String, Digest> tags() {
        return tags;
    }

    Map<Digest, StoredManifest> manifests() {
        return manifests;
    }

    Set<Digest> blobs() {
        return blobs;
    }

    boolean isPrivate() {
        return isPrivate;
    }

    void setPrivate(boolean isPrivate) {
        this.isPrivate = isPrivate;
    }

    /** Per tag: when it was pushed, by whom, when last pulled. Kept in step with {@link #tags()}. */
    Map<String, TagHistory> tagHistory() {
        return tagHistory;
    }

    AtomicLong pullCount() {
        return pullCount;
    }

    Instant created() {
        return created;
    }

    /** True when the repository was created on purpose (seed, Hub API), so it shows even while empty. */
    boolean isDeclared() {
        return declared;
    }

    void declare() {
        this.declared = true;
    }

    String description() {
        return description;
    }

    String fullDescription() {
        return fullDescription;
    }

    void describe(String description, String fullDescription) {
        this.description = description;
        this.fullDescription = fullDescription;
    }

    Instant lastUpdated() {
        return lastUpdated;
    }

    void touch(Instant at) {
        this.lastUpdated = at;
    }

    Optional<StoredManifest> manifest(Digest digest) {
        return Optional.ofNullable(manifests.get(digest));
    }

    /** The tags that point at a manifest. */
    List<String> tagsOf(Digest digest) {
        return tags.entrySet().stream().filter(e -> e.getValue().equals(digest)).map(Map.Entry::getKey).toList();
    }

    /** True when the Hub API shows it: created on purpose, or holding a manifest. */
    boolean isVisibleInHub() {
        return declared || !manifests.isEmpty();
    }

    /** True when the repository holds nothing at all (so it does not show in the catalog). */
    boolean isEmpty() {
        return tags.isEmpty() && manifests.isEmpty() && blobs.isEmpty();
    }
}
