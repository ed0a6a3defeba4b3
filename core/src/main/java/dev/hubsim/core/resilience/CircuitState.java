package dev.hubsim.core.resilience;

/** The state of one endpoint family's circuit breaker. */
public enum CircuitState {
    /** Requests go through; failures are counted. */
    CLOSED,
    /** Requests are refused without being sent, until the reset timeout has passed. */
    OPEN,
    /** A trial request goes through: its success closes the breaker, its failure opens it again. */
    HALF_OPEN
}
