package dev.hubsim.recordings;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable placeholders for the secrets of one recording: the first secret of a kind becomes
 * {@code hubsim-redacted-<kind>-1}, and the same secret always gets the same placeholder, so a token issued in one
 * response and presented in a later request still match on replay. Thread-safe. The secrets stay in memory only.
 */
final class Placeholders {
    static final String PREFIX = "hubsim-redacted-";
    private static final Pattern PLACEHOLDER = Pattern.compile(Pattern.quote(PREFIX) + "([a-z]+)-([0-9]+)");

    private final Map<String, String> bySecret = new HashMap<>();
    private final Map<String, Integer> countByKind = new HashMap<>();

    /** The placeholder for this secret; a value that already is a placeholder (or is empty) is kept. */
    synchronized String of(String kind, String secret) {
        if (secret.isEmpty() || isPlaceholder(secret)) {
            return secret;
        }
        return bySecret.computeIfAbsent(secret, s -> PREFIX + kind + "-" + countByKind.merge(kind, 1, Integer::sum));
    }

    /** Numbers new placeholders after those already used in this text (a recording being continued). */
    synchronized void continueAfter(String text) {
        Matcher used = PLACEHOLDER.matcher(text);
        while (used.find()) {
            countByKind.merge(used.group(1), Integer.parseInt(used.group(2)), Math::max);
        }
    }

    static boolean isPlaceholder(String value) {
        return PLACEHOLDER.matcher(value).matches();
    }
}
