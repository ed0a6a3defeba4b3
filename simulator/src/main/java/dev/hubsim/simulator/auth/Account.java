package dev.hubsim.simulator.auth;

import java.util.List;

/**
 * A user account: name, Docker-style id (32 hex), the hash of its password (never the password), plan, personal
 * access tokens, and whether it may list the catalog (Docker Hub lets nobody; a seed can allow it).
 */
public record Account(String name, String id, PasswordHash password, Plan plan, List<AccessToken> tokens,
                      boolean catalogAccess) {
    public Account {
        tokens = List.copyOf(tokens);
    }
}
