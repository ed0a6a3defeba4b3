package dev.hubsim.simulator.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import java.util.UUID;

/**
 * An ES256 (P-256) key pair that signs and verifies JWTs, made on first use rather than at start (making it costs a
 * noticeable part of the simulator's start-up) and never leaving memory.
 */
public final class SigningKey {
    private final String purpose;
    private volatile Made made;

    /** A key for {@code purpose} (named in the error if the JVM cannot make EC keys). */
    public SigningKey(String purpose) {
        this.purpose = purpose;
    }

    /** The key's id, for the JWT header's {@code kid}. */
    public String keyId() {
        return made().key().getKeyID();
    }

    /** Signs with the private key. */
    public ECDSASigner signer() {
        return made().signer();
    }

    /** Verifies with the public key. */
    public ECDSAVerifier verifier() {
        return made().verifier();
    }

    private Made made() {
        Made current = made;
        if (current == null) {
            synchronized (this) {
                current = made;
                if (current == null) {
                    current = make();
                    made = current;
                }
            }
        }
        return current;
    }

    private Made make() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
            return new Made(key, new ECDSASigner(key), new ECDSAVerifier(key.toPublicJWK()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot create the " + purpose + " signing key", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + purpose + "]";
    }

    private record Made(ECKey key, ECDSASigner signer, ECDSAVerifier verifier) {
    }
}
