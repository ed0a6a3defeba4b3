package dev.hubsim.core.hub;

import dev.hubsim.core.auth.Credentials;
import dev.hubsim.core.auth.SecretString;
import java.util.Objects;

/**
 * How the client signs in to the Hub API. It signs in on first use and again whenever the token is about to expire
 * (the Hub documents no way to renew a Hub token with a refresh token: the {@code refresh_token} that
 * {@code /v2/users/login?refresh_token=true} returns is an identity token for the registry's token service, as Docker's
 * hub-tool uses it), so a login keeps its secret. Prints without secrets.
 */
public sealed interface HubLogin {

    /** The secret sent; the Scout exporter takes it as its bearer token when it is a personal access token. */
    SecretString secret();

    /**
     * {@code POST /v2/auth/token} (reference §1.3): a user name with a password or personal access token, or an
     * organisation name with an organisation access token. The token lasts 10 minutes.
     */
    static HubLogin accessToken(String identifier, SecretString secret) {
        return new AccessToken(identifier, secret);
    }

    /** {@link #accessToken} with the client's configured credentials. */
    static HubLogin of(Credentials credentials) {
        return accessToken(credentials.username(), credentials.secret());
    }

    /**
     * The legacy {@code POST /v2/users/login} (reference §1.1), for an account without two-factor authentication or
     * with a personal access token.
     */
    static HubLogin user(String username, SecretString password) {
        return new User(username, password, null);
    }

    /**
     * The legacy {@code POST /v2/users/login}, answering the Hub's second-factor challenge with
     * {@code POST /v2/users/2fa-login} (reference §1.2) and a code from {@code codes} (asked again at every sign-in).
     */
    static HubLogin user(String username, SecretString password, TwoFactorCodes codes) {
        return new User(username, password, Objects.requireNonNull(codes, "codes"));
    }

    /** {@code /v2/auth/token} with an identifier (user or organisation) and a secret. */
    record AccessToken(String identifier, SecretString secret) implements HubLogin {
        public AccessToken {
            requireName("identifier", identifier);
            Objects.requireNonNull(secret, "secret");
        }
    }

    /** {@code /v2/users/login}, with a source of one-time codes when the account has two-factor authentication. */
    record User(String username, SecretString secret, TwoFactorCodes codes) implements HubLogin {
        public User {
            requireName("username", username);
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "User[" + username + ", " + secret + (codes == null ? "" : ", two-factor") + "]";
        }
    }

    private static void requireName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
    }
}
