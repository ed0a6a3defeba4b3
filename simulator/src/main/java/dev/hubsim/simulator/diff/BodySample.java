package dev.hubsim.simulator.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * What a comparison needs of a body: its size, its digest and its first {@link #HEAD_LIMIT} bytes (enough for every
 * JSON body compared field by field). Read from a stream, so a blob is hashed without being held.
 */
record BodySample(long size, Digest digest, byte[] head) {
    static final int HEAD_LIMIT = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the stream to its end; null when it is empty. */
    static BodySample read(InputStream in) throws IOException {
        MessageDigest hash = DigestAlgorithm.SHA256.newMessageDigest();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            hash.update(buffer, 0, n);
            if (head.size() < HEAD_LIMIT) {
                head.write(buffer, 0, Math.min(n, HEAD_LIMIT - head.size()));
            }
            size += n;
        }
        return size == 0 ? null : new BodySample(size, Digest.fromMessageDigest(DigestAlgorithm.SHA256, hash.digest()),
                head.toByteArray());
    }

    /** The body parsed as a JSON object when it is small and one; else null. */
    JsonNode jsonObject() {
        if (!isWhole() || head.length == 0 || head[0] != '{') {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(head);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The JSON object of a body that may be absent. */
    static JsonNode jsonObject(BodySample body) {
        return body == null ? null : body.jsonObject();
    }

    /** True when {@link #head()} is the whole body. */
    boolean isWhole() {
        return size <= HEAD_LIMIT;
    }
}
