package dev.hubsim.simulator.auth;

import dev.hubsim.core.reference.DigestAlgorithm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * A salted SHA-256 of a secret (password or token). The simulator keeps only this, so no secret can leak through
 * {@code toString()}, a log line or a heap dump of the account model.
 */
public final class PasswordHash {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(byte[] salt, byte[] hash) {
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes a secret with a fresh salt. */
    public static PasswordHash of(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordHash(salt, hash(salt, secret));
    }

    /** True when {@code candidate} is the secret; constant time. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(hash, hash(salt, candidate));
    }

    @Override
    public String toString() {
        return "PasswordHash[****]";
    }

    private static byte[] hash(byte[] salt, String secret) {
        MessageDigest sha256 = DigestAlgorithm.SHA256.newMessageDigest();
        sha256.update(salt);
        return sha256.digest(secret.getBytes(StandardCharsets.UTF_8));
    }
}
