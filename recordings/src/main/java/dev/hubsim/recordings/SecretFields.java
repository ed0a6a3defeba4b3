package dev.hubsim.recordings;

import java.util.Locale;
import java.util.Map;

/**
 * The names of JSON fields, form fields and query parameters whose values are secrets, with the kind of placeholder
 * that replaces them: passwords in login bodies, PAT secrets, and the tokens of Hub and registry token responses.
 */
final class SecretFields {
    private static final Map<String, String> KIND_BY_NAME = Map.of(
            "password", "password",
            "secret", "secret",
            "token", "token",
            "access_token", "token",
            "refresh_token", "token",
            "id_token", "token",
            "login_2fa_token", "token");

    private SecretFields() {
    }

    /** The placeholder kind for a field of this name, or null when its value is not secret. */
    static String kindOf(String name) {
        return KIND_BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }
}
