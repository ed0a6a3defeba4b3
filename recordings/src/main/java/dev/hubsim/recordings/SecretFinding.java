package dev.hubsim.recordings;

import java.nio.file.Path;

/**
 * Something secret found in a recording. Never holds the secret itself: {@link #hint} shows at most its first four
 * characters.
 *
 * @param file   the file it is in
 * @param where  its position: {@code line 12, column 40} in the file, or the body it was decoded from
 * @param kind   what was found
 * @param hint   what it starts with, e.g. {@code eyJh…}
 */
public record SecretFinding(Path file, String where, Kind kind, String hint) {

    /** The kinds of secret a {@link SecretScanner} looks for. */
    public enum Kind {
        /** One of the secrets the scanner was given. */
        KNOWN_SECRET,
        /** Three base64url segments whose first decodes to a JSON header with {@code alg}. */
        JWT,
        /** A Docker personal or organisation access token ({@code dckr_pat_}, {@code dckr_oat_}). */
        DOCKER_ACCESS_TOKEN
    }

    static String hintOf(String secret) {
        return secret.substring(0, Math.min(4, secret.length())) + "…";
    }

    @Override
    public String toString() {
        return file + " " + where + ": " + kind + " " + hint;
    }
}
