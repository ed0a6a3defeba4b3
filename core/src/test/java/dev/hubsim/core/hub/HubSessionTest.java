package dev.hubsim.core.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.registry.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HubSessionTest {
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger signIns = new AtomicInteger();
    private final Supplier<HubToken> signIn = () -> {
        signIns.incrementAndGet();
        return new HubToken(SecretString.of("jwt-" + signIns.get()), clock.instant().plus(LIFETIME));
    };

    @Test
    void signsInOnFirstUseAndReusesAValidToken() {
        HubSession session = new HubSession(signIn, clock);
        assertThat(session.state()).isEqualTo(HubTokenState.SIGNED_OUT);

        HubToken first = session.token();
        clock.advance(LIFETIME.minusSeconds(31));

        assertThat(session.token()).isSameAs(first);
        assertThat(session.state()).isEqualTo(HubTokenState.VALID);
        assertThat(signIns).hasValue(1);
    }

    @Test
    void anExpiringTokenIsReplacedBeforeUse() {
        HubSession session = new HubSession(signIn, clock);
        HubToken first = session.token();

        clock.advance(LIFETIME.minusSeconds(20));
        assertThat(session.state()).isEqualTo(HubTokenState.EXPIRING);
        HubToken second = session.token();

        assertThat(second).isNotSameAs(first);
        assertThat(second.expiresAt()).isEqualTo(clock.instant().plus(LIFETIME));
        assertThat(signIns).hasValue(2);
    }

    @Test
    void anExpiredTokenIsReplacedBeforeUse() {
        HubSession session = new HubSession(signIn, clock);
        session.token();

        clock.advance(LIFETIME.plusHours(1));
        assertThat(session.state()).isEqualTo(HubTokenState.EXPIRED);

        assertThat(session.token().jwt().reveal()).isEqualTo("jwt-2");
        assertThat(session.state()).isEqualTo(HubTokenState.VALID);
    }

    @Test
    void twoRefusalsOfTheSameTokenSignInOnce() {
        HubSession session = new HubSession(signIn, clock);
        HubToken refused = session.token();

        HubToken renewed = session.renewAfterRefusal(refused);

        assertThat(session.renewAfterRefusal(refused)).isSameAs(renewed);
        assertThat(signIns).hasValue(2);
    }

    @Test
    void manyThreadsFindingTheTokenExpiredShareOneSignIn() throws Exception {
        Supplier<HubToken> slowSignIn = () -> {
            sleep(100);
            return signIn.get();
        };
        HubSession session = new HubSession(slowSignIn, clock);
        session.token();
        clock.advance(LIFETIME);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HubToken>> tokens = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                tokens.add(threads.submit(() -> {
                    start.await();
                    return session.token();
                }));
            }
            start.countDown();
            for (Future<HubToken> token : tokens) {
                assertThat(token.get().jwt().reveal()).isEqualTo("jwt-2");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(signIns).hasValue(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
