package dev.hubsim.simulator.hubapi;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.hubsim.simulator.auth.PatScope;
import dev.hubsim.simulator.auth.Principal;
import dev.hubsim.simulator.auth.SigningKey;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The Hub API's bearer tokens: ES256 JWTs with their own key (so registry tokens are no Hub tokens and the other way
 * round), a real {@code exp} that clients decode (reference §1.4), the user, the credential's scope, and the kind:
 * a login session ({@code /v2/users/login}, about a month as observed), a short access token ({@code /v2/auth/token},
 * 10 minutes as documented) or the 2FA step token (5 minutes, our choice: Docker only says "short time lived").
 */
final class HubTokens {
    static final Duration SESSION_LIFETIME = Duration.ofDays(30);
    static final Duration ACCESS_LIFETIME = Duration.ofMinutes(10);
    static final Duration SECOND_FACTOR_LIFETIME = Duration.ofMinutes(5);
    private static final String AUDIENCE = "hub.docker.com";

    /** What a token is for. */
    enum Kind {
        SESSION, ACCESS, SECOND_FACTOR
    }

    /** Who a verified token acts for, and whether it came from a password (not a personal access token). */
    record Caller(Principal principal, boolean byPassword) {
        static final Caller ANONYMOUS = new Caller(Principal.ANONYMOUS, false);
    }

    /** The outcome of checking a token: a caller, or why not. */
    sealed interface Verification {
        record Valid(Caller caller) implements Verification {
        }

        record Expired() implements Verification {
        }

        record Invalid() implements Verification {
        }
    }

    private final SigningKey key = new SigningKey("Hub API");
    private final Clock clock;

    HubTokens(Clock clock) {
        this.clock = clock;
    }

    /** A token of this kind for the caller. */
    String issue(Kind kind, Caller caller) {
        Instant now = clock.instant();
        Duration lifetime = switch (kind) {
            case SESSION -> SESSION_LIFETIME;
            case ACCESS -> ACCESS_LIFETIME;
            case SECOND_FACTOR -> SECOND_FACTOR_LIFETIME;
        };
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(AUDIENCE)
                .audience(AUDIENCE)
                .subject(caller.principal().account())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("username", caller.principal().account())
                .claim("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .claim("scope", caller.principal().scope().wireName())
                .claim("credential", caller.byPassword() ? "password" : "pat")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID(key.keyId()).build(), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a Hub API token", e);
        }
        return jwt.serialize();
    }

    /** Checks signature, audience, kind and validity window (on the simulator's clock). */
    Verification verify(String token, Kind... kinds) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(key.verifier())) {
                return new Verification.Invalid();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String kind = claims.getStringClaim("kind");
            boolean kindAccepted = false;
            for (Kind accepted : kinds) {
                kindAccepted |= accepted.name().toLowerCase(java.util.Locale.ROOT).equals(kind);
            }
            if (!kindAccepted || claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)
                    || claims.getExpirationTime() == null) {
                return new Verification.Invalid();
            }
            if (!clock.instant().isBefore(claims.getExpirationTime().toInstant())) {
                return new Verification.Expired();
            }
            PatScope scope = PatScope.byWireName(claims.getStringClaim("scope")).orElse(PatScope.PUBLIC_READ);
            return new Verification.Valid(new Caller(new Principal(claims.getSubject(), scope),
                    "password".equals(claims.getStringClaim("credential"))));
        } catch (ParseException | JOSEException e) {
            return new Verification.Invalid();
        }
    }
}
