package dev.hubsim.recordings;

/** How one {@link MatchRule} compares a request with a recorded one. */
public enum MatchMode {
    /** The rule is not checked. */
    OFF,
    /** The values must be identical. */
    EXACT,
    /** The values must be equal after the rule's normalisation (see {@link MatchRule}). */
    NORMALISED
}
