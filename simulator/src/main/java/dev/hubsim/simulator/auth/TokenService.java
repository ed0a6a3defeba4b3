package dev.hubsim.simulator.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies the registry's bearer tokens: ES256-signed JWTs with Docker's {@code access} claim
 * ({@code [{type, name, actions}]}), {@code iss}, {@code sub}, {@code aud} (the service), {@code exp}, {@code nbf},
 * {@code iat} and {@code jti} (distribution's auth/jwt.md). The key pair is made when the first token is issued or
 * checked (not at start, which it would slow) and never leaves memory.
 */
public final class TokenService {
    /** The issuer Docker Hub's token service writes. */
    public static final String ISSUER = "auth.docker.io";

    private final SigningKey key = new SigningKey("registry token");
    private final Clock clock;
    private final String service;
    private final Duration lifetime;

    public TokenService(Clock clock, String service, Duration lifetime) {
        this.clock = clock;
        this.service = service;
        this.lifetime = lifetime;
    }

    /** The service name tokens are issued for (the JWT audience). */
    public String service() {
        return service;
    }

    /** How long a token lives. */
    public Duration lifetime() {
        return lifetime;
    }

    /** Signs a token for the principal with the granted scopes. */
    public IssuedToken issue(Principal principal, List<Scope> granted) {
        Instant now = clock.instant();
        // JWT times are whole seconds: round the expiry up, or the token would die before expires_in has passed.
        Instant expires = now.plus(lifetime);
        if (expires.getNano() != 0) {
            expires = expires.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        }
        List<Map<String, Object>> access = new ArrayList<>();
        for (Scope scope : granted) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", scope.type());
            entry.put("name", scope.name());
            entry.put("actions", scope.actions());
            access.add(entry);
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(principal.subject())
                .audience(service)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .claim("access", access)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID(key.keyId()).build(), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), now, lifetime);
    }

    /**
     * Verifies signature, audience and validity window against the simulator's clock. Empty for a token that is
     * malformed, forged, for another service, not yet valid or expired.
     */
    public Optional<VerifiedToken> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(key.verifier())) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (claims.getAudience() == null || !claims.getAudience().contains(service)
                    || claims.getExpirationTime() == null || !now.isBefore(claims.getExpirationTime().toInstant())
                    || (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant()))) {
                return Optional.empty();
            }
            return Optional.of(new VerifiedToken(claims.getSubject(), accessOf(claims)));
        } catch (ParseException | JOSEException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static List<Scope> accessOf(JWTClaimsSet claims) throws ParseException {
        List<Scope> scopes = new ArrayList<>();
        List<Object> access = claims.getListClaim("access");
        if (access == null) {
            return scopes;
        }
        for (Object item : access) {
            Map<?, ?> entry = (Map<?, ?>) item;
            List<String> actions = ((List<?>) entry.get("actions")).stream().map(String::valueOf).toList();
            scopes.add(new Scope(String.valueOf(entry.get("type")), String.valueOf(entry.get("name")), actions));
        }
        return scopes;
    }

    /** A signed token and when it was issued. */
    public record IssuedToken(String token, Instant issuedAt, Duration lifetime) {
        @Override
        public String toString() {
            return "IssuedToken[issuedAt=" + issuedAt + ", lifetime=" + lifetime + "]";
        }
    }

    /** What a verified token says: who (empty for anonymous) and what it grants. */
    public record VerifiedToken(String subject, List<Scope> access) {
        /** True when the token grants {@code action} on the resource. */
        public boolean grants(String type, String name, String action) {
            return access.stream().anyMatch(s -> s.type().equals(type) && s.name().equals(name)
                    && (s.actions().contains(action) || s.actions().contains("*")));
        }
    }
}
