package dev.hubsim.simulator.mirror;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/**
 * What a pull-through cache has done since it started (or was reset). A hit is a pull answered from storage (after a
 * revalidation that found the tag unchanged, too); a miss is one that needed the upstream. Upstream requests count
 * every HTTP request sent upstream, token requests included; per repository, those naming it.
 *
 * @param upstream         the upstream registry URL
 * @param hits             pulls answered from storage
 * @param misses           pulls that went upstream for content
 * @param revalidations    HEAD requests upstream for a tag whose TTL had passed
 * @param upstreamRequests every HTTP request sent upstream
 * @param repositories     the same per repository, by name, sorted
 */
@JsonPropertyOrder({"upstream", "hits", "misses", "revalidations", "upstreamRequests", "repositories"})
public record MirrorStats(String upstream, long hits, long misses, long revalidations, long upstreamRequests,
                          Map<String, RepositoryStats> repositories) {

    public MirrorStats {
        repositories = Map.copyOf(repositories);
    }

    /** The figures of one repository; all zero when it was never pulled. */
    public RepositoryStats repository(String name) {
        return repositories.getOrDefault(name, new RepositoryStats(0, 0, 0, 0));
    }

    /** The figures of one repository. */
    @JsonPropertyOrder({"hits", "misses", "revalidations", "upstreamRequests"})
    public record RepositoryStats(long hits, long misses, long revalidations, long upstreamRequests) {
    }
}
