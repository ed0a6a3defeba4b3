package dev.hubsim.simulator.auth;

/**
 * Who a request acts as: an account (authenticated by password or by a personal access token with a scope) or
 * nobody. Holds no secret.
 *
 * @param account the account name, or {@code null} for anonymous
 * @param scope   what the credential allows: {@link PatScope#ADMIN} for a password, the token's scope for a PAT
 */
public record Principal(String account, PatScope scope) {
    /** An anonymous client. */
    public static final Principal ANONYMOUS = new Principal(null, PatScope.PUBLIC_READ);

    public boolean isAnonymous() {
        return account == null;
    }

    /** The JWT {@code sub} claim: the account name, or empty for anonymous (as Docker's token service does). */
    public String subject() {
        return account == null ? "" : account;
    }
}
