package dev.hubsim.simulator.journal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** A query string fit for the journal: the values of parameters that may carry secrets are replaced. */
public final class SafeQuery {
    static final String REDACTED = "REDACTED";
    private static final Set<String> SECRET_NAMES = Set.of("token", "access_token", "refresh_token", "id_token",
            "code", "otp", "totp", "login_2fa_token");

    private SafeQuery() {
    }

    /** The raw query with secret values redacted, or null for none. */
    public static String of(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        StringBuilder safe = new StringBuilder();
        for (String parameter : rawQuery.split("&", -1)) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (!safe.isEmpty()) {
                safe.append('&');
            }
            safe.append(equals >= 0 && isSecret(name) ? name + "=" + REDACTED : parameter);
        }
        return safe.toString();
    }

    private static boolean isSecret(String rawName) {
        String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return SECRET_NAMES.contains(name) || name.contains("password") || name.contains("secret");
    }
}
