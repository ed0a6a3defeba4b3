package dev.hubsim.core.hub;

/**
 * Supplies the current one-time code (six-digit TOTP, RFC 6238) of an account with two-factor authentication, e.g.
 * from an authenticator library or by asking the user. Called once per sign-in that the Hub challenges.
 */
@FunctionalInterface
public interface TwoFactorCodes {
    String currentCode();
}
