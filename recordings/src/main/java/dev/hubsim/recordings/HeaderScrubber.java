package dev.hubsim.recordings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replaces credentials in header values by placeholders: the credentials of {@code Authorization} and
 * {@code Proxy-Authorization} (a bearer token is a {@code token}, anything else {@code credentials}), and the values
 * of {@code Cookie} and {@code Set-Cookie} (names and attributes are kept).
 */
final class HeaderScrubber {
    private final Placeholders placeholders;

    HeaderScrubber(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    Map<String, List<String>> scrub(Map<String, List<String>> headers) {
        Map<String, List<String>> scrubbed = new TreeMap<>();
        headers.forEach((name, values) -> {
            List<String> safe = new ArrayList<>(values.size());
            for (String value : values) {
                safe.add(scrub(name.toLowerCase(Locale.ROOT), value));
            }
            scrubbed.put(name, safe);
        });
        return scrubbed;
    }

    private String scrub(String name, String value) {
        return switch (name) {
            case "authorization", "proxy-authorization" -> authorization(value);
            case "cookie" -> cookies(value);
            case "set-cookie" -> setCookie(value);
            default -> value;
        };
    }

    /** {@code Bearer <token>} -> {@code Bearer hubsim-redacted-token-1}; {@code Basic ...} -> credentials. */
    private String authorization(String value) {
        String trimmed = value.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return placeholders.of("credentials", trimmed);
        }
        String scheme = trimmed.substring(0, space);
        String kind = scheme.equalsIgnoreCase("bearer") ? "token" : "credentials";
        return scheme + " " + placeholders.of(kind, trimmed.substring(space + 1).trim());
    }

    /** {@code a=1; b=2} -> {@code a=hubsim-redacted-cookie-1; b=hubsim-redacted-cookie-2}. */
    private String cookies(String value) {
        List<String> pairs = new ArrayList<>();
        for (String pair : value.split(";")) {
            pairs.add(cookie(pair.trim()));
        }
        return String.join("; ", pairs);
    }

    /** {@code id=secret; Path=/; HttpOnly} -> {@code id=hubsim-redacted-cookie-1; Path=/; HttpOnly}. */
    private String setCookie(String value) {
        int semicolon = value.indexOf(';');
        return semicolon < 0 ? cookie(value.trim()) : cookie(value.substring(0, semicolon).trim()) + value.substring(semicolon);
    }

    private String cookie(String pair) {
        int equals = pair.indexOf('=');
        return equals < 0
                ? placeholders.of("cookie", pair)
                : pair.substring(0, equals + 1) + placeholders.of("cookie", pair.substring(equals + 1));
    }
}
