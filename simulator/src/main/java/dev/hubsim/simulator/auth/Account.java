package dev.hubsim.simulator.auth;

import java.util.List;

/**
 * A user account: name, Docker-style id (32 hex), the hash of its password (never the password), plan, personal
 * access tokens, whether it may list the catalog (Docker Hub lets nobody; a seed can allow it), and its two-factor
 * secret (null without 2FA; never shown by {@code toString()}).
 */
public record Account(String name, String id, PasswordHash password, Plan plan, List<AccessToken> tokens,
                      boolean catalogAccess, TotpSecret totp) {
    public Account {
        tokens = List.copyOf(tokens);
    }

    /** The same account with other tokens. */
    Account withTokens(List<AccessToken> newTokens) {
        return new Account(name, id, password, plan, newTokens, catalogAccess, totp);
    }

    /** The same account with two-factor authentication by this secret. */
    Account withTotp(TotpSecret secret) {
        return new Account(name, id, password, plan, tokens, catalogAccess, secret);
    }
}
