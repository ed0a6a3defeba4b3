package dev.hubsim.simulator.diff;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * One way the mock's answer differs from the recorded one.
 *
 * @param aspect   what part of the response
 * @param field    which header or JSON field; empty for the status, error codes and body
 * @param recorded what the recording says (as text; {@code (absent)} when it has none)
 * @param mock     what the mock answered
 */
@JsonPropertyOrder({"aspect", "field", "recorded", "mock"})
public record Difference(Aspect aspect, String field, String recorded, String mock) {
    /** How a missing value reads. */
    public static final String ABSENT = "(absent)";

    public Difference {
        Objects.requireNonNull(aspect, "aspect");
        field = field == null ? "" : field;
        recorded = recorded == null ? ABSENT : recorded;
        mock = mock == null ? ABSENT : mock;
    }

    /** {@code header Content-Type: recorded "a", mock "b"}. */
    @Override
    public String toString() {
        return aspect.label() + (field.isEmpty() ? "" : " " + field) + ": recorded " + recorded + ", mock " + mock;
    }
}
