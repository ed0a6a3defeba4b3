package dev.hubsim.simulator.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hubsim.core.manifest.InvalidManifestException;
import dev.hubsim.core.manifest.Manifest;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The persisted form of a repository: whether it is private, tag → manifest digest, the manifests (digest and media
 * type; the bytes are blobs), the linked blob digests, and the Hub metadata (descriptions, dates, pull count, tag
 * history). Sorted, so the file diffs well; fields missing from an older file take their defaults.
 */
@JsonPropertyOrder({"name", "private", "declared", "description", "full_description", "created", "last_updated",
        "pull_count", "tags", "tag_history", "manifests", "blobs"})
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record RepositoryRecord(String name, @JsonProperty("private") boolean isPrivate, boolean declared,
                        String description, @JsonProperty("full_description") String fullDescription,
                        Instant created, @JsonProperty("last_updated") Instant lastUpdated,
                        @JsonProperty("pull_count") long pullCount, Map<String, String> tags,
                        @JsonProperty("tag_history") Map<String, TagHistory> tagHistory,
                        List<ManifestEntry> manifests, List<String> blobs) {
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryRecord.class);

    RepositoryRecord {
        tags = tags == null ? Map.of() : tags;
        tagHistory = tagHistory == null ? Map.of() : tagHistory;
        manifests = manifests == null ? List.of() : manifests;
        blobs = blobs == null ? List.of() : blobs;
    }

    /** The record of a repository as it stands. */
    static RepositoryRecord of(Repository repository) {
        Map<String, String> tags = new TreeMap<>();
        repository.tags().forEach((tag, digest) -> tags.put(tag, digest.toString()));
        List<ManifestEntry> manifests = repository.manifests().values().stream()
                .map(m -> new ManifestEntry(m.digest().toString(), m.mediaType()))
                .sorted(Comparator.comparing(ManifestEntry::digest)).toList();
        List<String> linked = repository.blobs().stream().map(Digest::toString).sorted().toList();
        return new RepositoryRecord(repository.name(), repository.isPrivate(), repository.isDeclared(),
                repository.description(), repository.fullDescription(), repository.created(),
                repository.lastUpdated(), repository.pullCount().get(), tags, new TreeMap<>(repository.tagHistory()),
                manifests, linked);
    }

    /**
     * The repository this record describes, keeping only what the blob store still holds: a blob or manifest whose
     * file is gone (or whose bytes no longer parse) is left out, and so is a tag pointing at it.
     */
    Repository toRepository(BlobStore store, Instant now) {
        Repository repository = new Repository(name, isPrivate, created == null ? now : created);
        if (declared) {
            repository.declare();
        }
        repository.describe(description == null ? "" : description, fullDescription == null ? "" : fullDescription);
        if (lastUpdated != null) {
            repository.touch(lastUpdated);
        }
        repository.pullCount().set(pullCount);
        blobs.stream().map(Digest::parse).filter(store::contains).forEach(repository.blobs()::add);
        for (ManifestEntry entry : manifests) {
            Digest digest = Digest.parse(entry.digest());
            store.readSmall(digest).ifPresent(bytes -> {
                try {
                    repository.manifests().put(digest,
                            new StoredManifest(digest, entry.mediaType(), bytes, Manifest.parse(bytes, entry.mediaType())));
                } catch (InvalidManifestException e) {
                    LOG.warn("skipping manifest {} of {}: its stored bytes do not parse: {}", digest, name, e.getMessage());
                }
            });
        }
        tags.forEach((tag, digest) -> {
            Digest d = Digest.parse(digest);
            if (repository.manifests().containsKey(d)) {
                repository.tags().put(tag, d);
                repository.tagHistory().put(tag, tagHistory.getOrDefault(tag, new TagHistory(now, null, null)));
            }
        });
        return repository;
    }

    /** One stored manifest: its digest and the media type it was pushed with. */
    @JsonPropertyOrder({"digest", "mediaType"})
    record ManifestEntry(String digest, String mediaType) {
    }
}
