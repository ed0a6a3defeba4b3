package dev.hubsim.recordings;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hubsim.core.reference.Digest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * A recorded request or response body: its digest and size, and either its content inline ({@link BodyEncoding#TEXT}
 * or {@link BodyEncoding#BASE64}) or a reference to the blob file holding it ({@link BodyEncoding#BLOB}).
 * Inline content is checked against the digest and size, so a hand-edited body must get its digest updated too.
 *
 * @param size     the number of bytes
 * @param digest   the digest of the bytes
 * @param encoding how the bytes are stored
 * @param content  the text or base64 for inline bodies, null for blobs
 */
@JsonPropertyOrder({"size", "digest", "encoding", "content"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Body(long size, Digest digest, BodyEncoding encoding, String content) {
    /** Bodies up to this many bytes are stored inline in {@code interactions.json}; larger ones in blob files. */
    public static final int INLINE_LIMIT = 4 * 1024;

    public Body {
        Objects.requireNonNull(digest, "body digest is missing");
        Objects.requireNonNull(encoding, "body encoding is missing");
        if (size < 0) {
            throw new IllegalArgumentException("body size " + size + " is negative");
        }
        if (encoding == BodyEncoding.BLOB) {
            if (content != null) {
                throw new IllegalArgumentException("a blob body has no inline content");
            }
        } else {
            checkInline(size, digest, encoding, content);
        }
    }

    /** An inline body holding these bytes: as text when they are printable UTF-8, else as base64. */
    public static Body inline(byte[] bytes) {
        Digest digest = Digest.sha256(bytes);
        String text = printableText(bytes);
        return text != null
                ? new Body(bytes.length, digest, BodyEncoding.TEXT, text)
                : new Body(bytes.length, digest, BodyEncoding.BASE64, Base64.getEncoder().encodeToString(bytes));
    }

    /** A body stored in the blob file of this digest. */
    public static Body blob(Digest digest, long size) {
        return new Body(size, digest, BodyEncoding.BLOB, null);
    }

    /** True when the content is in {@code interactions.json} rather than in a blob file. */
    @JsonIgnore
    public boolean isInline() {
        return encoding != BodyEncoding.BLOB;
    }

    /** The inline bytes; fails for a blob body, whose bytes are opened with {@link StoredRecording#openBody}. */
    public byte[] inlineBytes() {
        return switch (encoding) {
            case TEXT -> content.getBytes(StandardCharsets.UTF_8);
            case BASE64 -> Base64.getDecoder().decode(content);
            case BLOB -> throw new IllegalStateException("body " + digest + " is stored as a blob, not inline");
        };
    }

    /** The inline text, or null when the body is binary or a blob. */
    public String text() {
        return encoding == BodyEncoding.TEXT ? content : null;
    }

    /** Digest, size and encoding; never the content, which may be large (and before scrubbing, secret). */
    @Override
    public String toString() {
        return "Body[" + digest + ", " + size + " bytes, " + encoding.name().toLowerCase(Locale.ROOT) + "]";
    }

    private static void checkInline(long size, Digest digest, BodyEncoding encoding, String content) {
        if (content == null) {
            throw new IllegalArgumentException("an inline " + encoding.name().toLowerCase(Locale.ROOT)
                    + " body needs its content");
        }
        byte[] bytes;
        if (encoding == BodyEncoding.TEXT) {
            bytes = content.getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                bytes = Base64.getDecoder().decode(content);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("body content is not valid base64: " + e.getMessage());
            }
        }
        if (bytes.length != size) {
            throw new IllegalArgumentException("body size is " + size + " but its content has " + bytes.length + " bytes");
        }
        Digest actual = Digest.of(digest.algorithm(), bytes);
        if (!actual.equals(digest)) {
            throw new IllegalArgumentException("body digest " + digest + " does not match its content ("
                    + actual + "); update the digest after editing a body");
        }
    }

    /** The bytes as a string when they are valid UTF-8 without control characters other than tab, CR and LF. */
    private static String printableText(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7f || c == '\uFEFF') {
                return null;
            }
        }
        return text;
    }
}
