package dev.hubsim.simulator.fault;

/** A rule as it stands: how many requests matched it and how many times it fired. */
public record FaultStatus(FaultRule rule, long matches, long fired) {
}
