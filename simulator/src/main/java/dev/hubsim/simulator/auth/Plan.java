package dev.hubsim.simulator.auth;

/** A Docker Hub subscription: free accounts are pull-rate-limited, paid ones are not. */
public enum Plan {
    FREE,
    PRO,
    TEAM,
    BUSINESS;

    /** True for plans whose pulls Docker Hub does not limit (no rate-limit headers). */
    public boolean isUnlimited() {
        return this != FREE;
    }
}
