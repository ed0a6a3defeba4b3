package dev.hubsim.recordings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds the recorded interaction that answers a request, under {@link MatchRules}. Requests that are the same under
 * the rules and repeated in the recording are answered in recorded order (a tag list before and after a push); after
 * the last one the last answer repeats. A miss names the nearest recorded request and what differs. Lookups are a hash
 * lookup; thread-safe.
 */
public final class Matcher {
    private final MatchRules rules;
    private final List<Interaction> interactions;
    private final Map<MatchKey, Sequence> sequences;

    public Matcher(List<Interaction> interactions, MatchRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.interactions = List.copyOf(interactions);
        Map<MatchKey, List<Integer>> indexes = new LinkedHashMap<>();
        for (int i = 0; i < this.interactions.size(); i++) {
            indexes.computeIfAbsent(MatchKey.of(this.interactions.get(i).request(), rules), k -> new ArrayList<>()).add(i);
        }
        Map<MatchKey, Sequence> built = new LinkedHashMap<>();
        indexes.forEach((key, positions) -> built.put(key, new Sequence(key, positions)));
        this.sequences = built;
    }

    /** A matcher over a recording with {@link MatchRules#DEFAULT}. */
    public static Matcher of(Recording recording) {
        return new Matcher(recording.interactions(), MatchRules.DEFAULT);
    }

    public MatchRules rules() {
        return rules;
    }

    /** The interaction that answers this request, or the nearest one and the differences. */
    public MatchResult match(RecordedRequest request) {
        MatchKey key = MatchKey.of(request, rules);
        Sequence sequence = sequences.get(key);
        if (sequence != null) {
            int index = sequence.next();
            return new MatchResult.Hit(index, interactions.get(index));
        }
        return nearest(key);
    }

    /** Starts every repeated request over from its first recorded answer. */
    public void reset() {
        sequences.values().forEach(Sequence::reset);
    }

    private MatchResult.Miss nearest(MatchKey key) {
        Sequence best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Sequence candidate : sequences.values()) {
            int distance = 0;
            for (MatchRule rule : MatchRule.values()) {
                if (!Objects.equals(key.get(rule), candidate.key.get(rule))) {
                    distance += rule.weight();
                }
            }
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return new MatchResult.Miss(-1, null, List.of());
        }
        List<Difference> differences = new ArrayList<>();
        for (MatchRule rule : MatchRule.values()) {
            if (!Objects.equals(key.get(rule), best.key.get(rule))) {
                differences.add(new Difference(rule, key.get(rule), best.key.get(rule)));
            }
        }
        int index = best.first();
        return new MatchResult.Miss(index, interactions.get(index), differences);
    }

    /** The recorded positions of one request, and a cursor over them. */
    private static final class Sequence {
        private final MatchKey key;
        private final int[] positions;
        private final AtomicInteger cursor = new AtomicInteger();

        Sequence(MatchKey key, List<Integer> positions) {
            this.key = key;
            this.positions = positions.stream().mapToInt(Integer::intValue).toArray();
        }

        int next() {
            int last = positions.length - 1;
            return positions[cursor.getAndUpdate(c -> c < last ? c + 1 : c)];
        }

        int first() {
            return positions[0];
        }

        void reset() {
            cursor.set(0);
        }
    }
}
