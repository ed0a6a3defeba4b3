package dev.hubsim.dsl;

/** An {@code expect} that did not hold: the script ran, and what it checked is not so. */
public final class ExpectationFailedException extends DslException {
    public ExpectationFailedException(String message) {
        super(message);
    }
}
