package dev.hubsim.simulator.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * The persisted form of a repository: whether it is private, tag → manifest digest, the manifests (digest and media type; the bytes
 * are blobs) and the linked blob digests. Sorted, so the file diffs well.
 */
@JsonPropertyOrder({"name", "private", "tags", "manifests", "blobs"})
record RepositoryRecord(String name, @JsonProperty("private") boolean isPrivate, Map<String, String> tags,
                        List<ManifestEntry> manifests, List<String> blobs) {

    /** One stored manifest: its digest and the media type it was pushed with. */
    @JsonPropertyOrder({"digest", "mediaType"})
    record ManifestEntry(String digest, String mediaType) {
    }
}
