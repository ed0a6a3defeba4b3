package dev.hubsim.recordings;

/**
 * One way a request differs from a recorded one, as its {@link MatchRule} sees it.
 *
 * @param rule      the rule that differs
 * @param requested the request's value (normalised as the rule compares it), null when it has none
 * @param recorded  the recorded request's value, null when it has none
 */
public record Difference(MatchRule rule, String requested, String recorded) {

    /** E.g. {@code reference differs (1.27 vs 1.25)}. */
    @Override
    public String toString() {
        return rule.label() + " differs (" + orNone(requested) + " vs " + orNone(recorded) + ")";
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }
}
