package dev.hubsim.core.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One RFC 7235 challenge from a {@code WWW-Authenticate} header, e.g. {@code Bearer realm="...",service="..."}.
 * The scheme is kept as sent and compared without case; parameter names are lowercase (they are case-insensitive);
 * values are unquoted and unescaped.
 *
 * @param scheme     the auth scheme, e.g. {@code Bearer} or {@code Basic}
 * @param parameters the auth-params by lowercase name, in the order sent
 * @param token68    the token68 form instead of parameters, or null
 */
public record AuthChallenge(String scheme, Map<String, String> parameters, String token68) {

    public AuthChallenge {
        Objects.requireNonNull(scheme, "scheme");
        parameters = Map.copyOf(parameters);
    }

    /** Parses a whole header value, which may hold several challenges; throws {@link IllegalArgumentException}. */
    public static List<AuthChallenge> parseAll(String header) {
        return new ChallengeParser(header).parse();
    }

    /** True for this scheme, ignoring case. */
    public boolean is(String otherScheme) {
        return scheme.equalsIgnoreCase(otherScheme);
    }

    /** A parameter by name, ignoring case. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }
}
