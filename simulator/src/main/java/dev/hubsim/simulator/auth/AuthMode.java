package dev.hubsim.simulator.auth;

/** How the registry treats clients at the door. */
public enum AuthMode {
    /** As Docker Hub: bearer tokens from the token service, 401 challenges, scopes checked on every request. */
    TOKEN,
    /** An open registry: every request is let in (what many teams' CI wants from a local registry). */
    NONE
}
