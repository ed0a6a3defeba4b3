package dev.hubsim.core.reference;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A content digest such as {@code sha256:6c3c62...}: an algorithm and its lowercase hex encoding.
 *
 * <p>Grammar from the OCI image-spec (descriptor.md): {@code algorithm ":" encoded}, where the algorithm is
 * {@code [a-z0-9]+([+._-][a-z0-9]+)*}. Only sha256 (64 hex) and sha512 (128 hex) are accepted; anything else
 * fails at parse with a message naming the bad part.
 */
public record Digest(DigestAlgorithm algorithm, String hex) {

    private static final Pattern ALGORITHM_GRAMMAR = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*");
    private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]+");
    private static final HexFormat HEX = HexFormat.of();

    public Digest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != algorithm.hexLength() || !LOWER_HEX.matcher(hex).matches()) {
            throw new InvalidDigestException("invalid " + algorithm.prefix() + " digest encoding: expected "
                    + algorithm.hexLength() + " lowercase hex characters, got '" + abbreviate(hex) + "'");
        }
    }

    /** Parses {@code algorithm:hex}; throws {@link InvalidDigestException} naming what is wrong. */
    public static Digest parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidDigestException("digest is empty");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new InvalidDigestException("digest '" + abbreviate(text) + "' has no algorithm prefix (expected e.g. sha256:<hex>)");
        }
        String prefix = text.substring(0, colon);
        if (!ALGORITHM_GRAMMAR.matcher(prefix).matches()) {
            throw new InvalidDigestException("digest algorithm '" + abbreviate(prefix) + "' is not a valid algorithm name");
        }
        DigestAlgorithm algorithm = DigestAlgorithm.byPrefix(prefix).orElseThrow(() ->
                new InvalidDigestException("digest algorithm '" + prefix + "' is not supported (use sha256 or sha512)"));
        return new Digest(algorithm, text.substring(colon + 1));
    }

    /** True when {@link #parse} would accept the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidDigestException e) {
            return false;
        }
    }

    /** The sha256 digest of these bytes. */
    public static Digest sha256(byte[] bytes) {
        return of(DigestAlgorithm.SHA256, bytes);
    }

    /** The digest of these bytes with the given algorithm. */
    public static Digest of(DigestAlgorithm algorithm, byte[] bytes) {
        return fromMessageDigest(algorithm, algorithm.newMessageDigest().digest(bytes));
    }

    /** Reads the stream to its end (without holding it in memory) and returns its digest. */
    public static Digest of(DigestAlgorithm algorithm, InputStream in) throws IOException {
        MessageDigest md = algorithm.newMessageDigest();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            md.update(buffer, 0, n);
        }
        return fromMessageDigest(algorithm, md.digest());
    }

    /** Wraps the result of a finished {@link MessageDigest} of the given algorithm. */
    public static Digest fromMessageDigest(DigestAlgorithm algorithm, byte[] digestBytes) {
        return new Digest(algorithm, HEX.formatHex(digestBytes));
    }

    /** {@code sha256:<hex>}. */
    @Override
    public String toString() {
        return algorithm.prefix() + ":" + hex;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
