package dev.hubsim.simulator.registry;

import dev.hubsim.core.reference.Digest;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One repository's metadata: tags, manifests and the blobs linked into it. Reads are lock-free (concurrent
 * collections); {@link RegistryState} makes compound changes under the repository's monitor.
 */
final class Repository {
    private final String name;
    private final NavigableMap<String, Digest> tags = new ConcurrentSkipListMap<>();
    private final Map<Digest, StoredManifest> manifests = new ConcurrentHashMap<>();
    private final Set<Digest> blobs = ConcurrentHashMap.newKeySet();
    private volatile boolean isPrivate;

    Repository(String name, boolean isPrivate) {
        this.name = name;
        this.isPrivate = isPrivate;
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

    Optional<StoredManifest> manifest(Digest digest) {
        return Optional.ofNullable(manifests.get(digest));
    }

    /** The tags that point at a manifest. */
    List<String> tagsOf(Digest digest) {
        return tags.entrySet().stream().filter(e -> e.getValue().equals(digest)).map(Map.Entry::getKey).toList();
    }

    /** True when the repository holds nothing at all (so it does not show in the catalog). */
    boolean isEmpty() {
        return tags.isEmpty() && manifests.isEmpty() && blobs.isEmpty();
    }
}
