package dev.hubsim.simulator.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;

/**
 * A two-factor secret and the codes it yields: RFC 6238 TOTP with HMAC-SHA1, 30-second steps and 6 digits (what
 * authenticator apps and Docker Hub use), from a base32 secret (RFC 4648). Codes of the step before and after are
 * accepted too, for clock drift. {@code toString()} never shows the secret.
 */
public final class TotpSecret {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final long STEP_SECONDS = 30;
    private static final int DIGITS = 6;

    private final byte[] key;

    private TotpSecret(byte[] key) {
        this.key = key;
    }

    /** Parses a base32 secret (case, spaces and {@code =} padding ignored); the message never echoes it. */
    public static TotpSecret parse(String base32) {
        String text = base32 == null ? "" : base32.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a TOTP secret must be a non-empty base32 string");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("a TOTP secret must be base32 (A-Z and 2-7)");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bytes.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return new TotpSecret(bytes.toByteArray());
    }

    /** The code for the 30-second step that holds {@code at}. */
    public String codeAt(Instant at) {
        return code(Math.floorDiv(at.getEpochSecond(), STEP_SECONDS));
    }

    /** True when {@code code} is the code of the step holding {@code at}, or of the step before or after it. */
    public boolean accepts(String code, Instant at) {
        if (code == null) {
            return false;
        }
        long step = Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
        boolean accepted = false;
        for (long s = step - 1; s <= step + 1; s++) {
            accepted |= MessageDigest.isEqual(code(s).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    code.trim().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return accepted;
    }

    /** RFC 4226 HOTP of a counter, dynamically truncated to six digits. */
    String code(long counter) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return String.format("%0" + DIGITS + "d", binary % 1_000_000);
    }

    @Override
    public String toString() {
        return "TotpSecret[****]";
    }
}
