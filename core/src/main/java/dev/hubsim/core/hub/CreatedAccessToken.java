package dev.hubsim.core.hub;

import dev.hubsim.core.auth.SecretString;

/** A personal access token just created: its description and its secret, which the Hub shows only this once. */
public record CreatedAccessToken(PersonalAccessToken token, SecretString secret) {
}
