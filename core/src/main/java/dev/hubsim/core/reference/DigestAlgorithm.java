package dev.hubsim.core.reference;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/** The content digest algorithms a registry must know (OCI image-spec, descriptor.md: sha256 and sha512). */
public enum DigestAlgorithm {
    SHA256("sha256", "SHA-256", 64),
    SHA512("sha512", "SHA-512", 128);

    private final String prefix;
    private final String jcaName;
    private final int hexLength;

    DigestAlgorithm(String prefix, String jcaName, int hexLength) {
        this.prefix = prefix;
        this.jcaName = jcaName;
        this.hexLength = hexLength;
    }

    /** The name used in digest strings, e.g. {@code sha256}. */
    public String prefix() {
        return prefix;
    }

    /** The exact number of lowercase hex characters in an encoded digest of this algorithm. */
    public int hexLength() {
        return hexLength;
    }

    /** A fresh JCA message digest for this algorithm. */
    public MessageDigest newMessageDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is required by every Java runtime", e);
        }
    }

    /** The algorithm with this digest-string prefix, if it is one we support. */
    public static Optional<DigestAlgorithm> byPrefix(String prefix) {
        return Arrays.stream(values()).filter(a -> a.prefix.equals(prefix)).findFirst();
    }
}
