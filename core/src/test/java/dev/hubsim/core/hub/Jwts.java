package dev.hubsim.core.hub;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Unsigned JWTs with a chosen payload, for tests of what the client reads from a Hub token. */
final class Jwts {
    private Jwts() {
    }

    static String withPayload(String payloadJson) {
        return part("{\"alg\":\"ES256\",\"typ\":\"JWT\"}") + "." + part(payloadJson) + ".c2lnbmF0dXJl";
    }

    static String expiringAt(Instant exp) {
        return withPayload("{\"sub\":\"alice\",\"exp\":" + exp.getEpochSecond() + "}");
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
