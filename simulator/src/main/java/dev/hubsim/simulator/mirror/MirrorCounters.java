package dev.hubsim.simulator.mirror;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link MirrorStats}, per repository; thread-safe. */
final class MirrorCounters {
    private final Map<String, Counters> byRepository = new ConcurrentHashMap<>();
    private final LongAdder otherUpstreamRequests = new LongAdder();

    void hit(String repository) {
        of(repository).hits.increment();
    }

    void miss(String repository) {
        of(repository).misses.increment();
    }

    void revalidation(String repository) {
        of(repository).revalidations.increment();
    }

    /** One HTTP request sent upstream; {@code repository} null for requests that name none (tokens, {@code /v2/}). */
    void upstreamRequest(String repository) {
        if (repository == null) {
            otherUpstreamRequests.increment();
        } else {
            of(repository).upstreamRequests.increment();
        }
    }

    void clear() {
        byRepository.clear();
        otherUpstreamRequests.reset();
    }

    MirrorStats snapshot(String upstream) {
        Map<String, MirrorStats.RepositoryStats> repositories = new TreeMap<>();
        long hits = 0;
        long misses = 0;
        long revalidations = 0;
        long upstreamRequests = otherUpstreamRequests.sum();
        for (Map.Entry<String, Counters> entry : byRepository.entrySet()) {
            MirrorStats.RepositoryStats stats = entry.getValue().snapshot();
            repositories.put(entry.getKey(), stats);
            hits += stats.hits();
            misses += stats.misses();
            revalidations += stats.revalidations();
            upstreamRequests += stats.upstreamRequests();
        }
        return new MirrorStats(upstream, hits, misses, revalidations, upstreamRequests, repositories);
    }

    private Counters of(String repository) {
        return byRepository.computeIfAbsent(repository, r -> new Counters());
    }

    private static final class Counters {
        final LongAdder hits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder revalidations = new LongAdder();
        final LongAdder upstreamRequests = new LongAdder();

        MirrorStats.RepositoryStats snapshot() {
            return new MirrorStats.RepositoryStats(hits.sum(), misses.sum(), revalidations.sum(), upstreamRequests.sum());
        }
    }
}
