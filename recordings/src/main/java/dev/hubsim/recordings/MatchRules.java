package dev.hubsim.recordings;

import java.util.EnumMap;
import java.util.Map;

/**
 * The match rules as data: a {@link MatchMode} per {@link MatchRule}; a rule not listed is {@link MatchMode#OFF}.
 * Immutable; {@link #with} derives variants.
 */
public record MatchRules(Map<MatchRule, MatchMode> modes) {

    /** Semantic matching: same method, repository, reference, scope, query and Accept, paths normalised. */
    public static final MatchRules DEFAULT = new MatchRules(Map.of(
            MatchRule.METHOD, MatchMode.EXACT,
            MatchRule.PATH, MatchMode.NORMALISED,
            MatchRule.REPOSITORY, MatchMode.EXACT,
            MatchRule.REFERENCE, MatchMode.EXACT,
            MatchRule.SCOPE, MatchMode.NORMALISED,
            MatchRule.QUERY, MatchMode.NORMALISED,
            MatchRule.ACCEPT, MatchMode.NORMALISED));

    public MatchRules {
        EnumMap<MatchRule, MatchMode> all = new EnumMap<>(MatchRule.class);
        for (MatchRule rule : MatchRule.values()) {
            all.put(rule, modes == null ? MatchMode.OFF : modes.getOrDefault(rule, MatchMode.OFF));
        }
        modes = Map.copyOf(all);
    }

    /** The mode of a rule. */
    public MatchMode mode(MatchRule rule) {
        return modes.get(rule);
    }

    /** These rules with one rule set to another mode. */
    public MatchRules with(MatchRule rule, MatchMode mode) {
        EnumMap<MatchRule, MatchMode> changed = new EnumMap<>(modes);
        changed.put(rule, mode);
        return new MatchRules(changed);
    }
}
