package dev.hubsim.simulator.hubapi;

import dev.hubsim.simulator.hubapi.HubTokens.Caller;
import dev.hubsim.simulator.hubapi.HubTokens.Kind;
import dev.hubsim.simulator.hubapi.HubTokens.Verification;
import io.javalin.http.Context;

/**
 * Who a Hub API request acts for, from {@code Authorization: Bearer <jwt>} (documented) or {@code JWT <jwt>} (the
 * older scheme, reference §1.4). No header means anonymous; a header with a bad or expired token is a 401 even on
 * routes open to anonymous clients, as Django REST framework's authentication does. The messages are
 * django-rest-framework(-jwt)'s, which Docker Hub's API has been seen answering with (hub-feedback #1661).
 */
final class HubAuthentication {
    static final String NOT_PROVIDED = "Authentication credentials were not provided.";
    static final String EXPIRED = "Signature has expired.";
    static final String INVALID = "Error decoding signature.";

    private final HubTokens tokens;

    HubAuthentication(HubTokens tokens) {
        this.tokens = tokens;
    }

    /** The caller, anonymous when no credentials are sent. */
    Caller optional(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return Caller.ANONYMOUS;
        }
        String token = tokenOf(header.trim());
        if (token == null) {
            throw unauthorized(INVALID);
        }
        Verification verification = tokens.verify(token, Kind.SESSION, Kind.ACCESS);
        if (verification instanceof Verification.Valid valid) {
            return valid.caller();
        }
        throw unauthorized(verification instanceof Verification.Expired ? EXPIRED : INVALID);
    }

    /** The caller, who must be signed in. */
    Caller required(Context ctx) {
        Caller caller = optional(ctx);
        if (caller.principal().isAnonymous()) {
            throw unauthorized(NOT_PROVIDED);
        }
        return caller;
    }

    private static String tokenOf(String header) {
        for (String scheme : new String[] {"Bearer ", "JWT "}) {
            if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
                String token = header.substring(scheme.length()).trim();
                return token.isEmpty() ? null : token;
            }
        }
        return null;
    }

    private static HubApiException unauthorized(String detail) {
        return HubApiException.of(401, detail).withHeader("WWW-Authenticate", "Bearer realm=\"api\"");
    }
}
