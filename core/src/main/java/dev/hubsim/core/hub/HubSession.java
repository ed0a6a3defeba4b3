package dev.hubsim.core.hub;

import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The Hub token the client's requests carry, renewed without the caller noticing: a token that is
 * {@link HubTokenState#EXPIRING} or {@link HubTokenState#EXPIRED} by the client's clock is replaced by signing in
 * again before the request goes out, and one the Hub refuses is replaced once. Under concurrency one thread signs in
 * while the others wait for its token: many calls, one sign-in.
 */
final class HubSession {
    private final Supplier<HubToken> signIn;
    private final Clock clock;
    private final ReentrantLock renewal = new ReentrantLock();
    private volatile HubToken current;

    HubSession(Supplier<HubToken> signIn, Clock clock) {
        this.signIn = signIn;
        this.clock = clock;
    }

    /** A token that is valid for at least {@link HubTokenState#MARGIN}, signing in first when needed. */
    HubToken token() {
        HubToken token = current;
        if (token != null && token.state(clock.instant()) == HubTokenState.VALID) {
            return token;
        }
        renewal.lock();
        try {
            token = current;
            if (token == null || token.state(clock.instant()) != HubTokenState.VALID) {
                token = signIn.get();
                current = token;
            }
            return token;
        } finally {
            renewal.unlock();
        }
    }

    /**
     * A new token after the Hub refused {@code refused} (its clock runs ahead of ours, or the token was revoked). When
     * another thread already replaced it, that replacement is returned and no second sign-in happens.
     */
    HubToken renewAfterRefusal(HubToken refused) {
        renewal.lock();
        try {
            if (current == null || current == refused) {
                current = signIn.get();
            }
            return current;
        } finally {
            renewal.unlock();
        }
    }

    /** Where the session stands now. */
    HubTokenState state() {
        if (renewal.isLocked()) {
            return HubTokenState.RENEWING;
        }
        HubToken token = current;
        return token == null ? HubTokenState.SIGNED_OUT : token.state(clock.instant());
    }
}
