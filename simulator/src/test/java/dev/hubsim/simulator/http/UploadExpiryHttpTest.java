package dev.hubsim.simulator.http;

import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.TestRegistries;
import dev.hubsim.simulator.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.hubsim.simulator.testing.RegistryHttp.withParameter;
import static org.assertj.core.api.Assertions.assertThat;

/** Upload sessions expire after the configured idle time, measured on the simulator's clock. */
class UploadExpiryHttpTest {
    private static final String REPO = "alice/app";

    private final TestClock clock = new TestClock();
    private Simulator simulator;
    private RegistryHttp http;

    @BeforeEach
    void start() {
        simulator = TestRegistries.registry().clock(clock).uploadTimeout(Duration.ofMinutes(10)).start();
        http = TestRegistries.client(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void idleSessionIsUnknownOnceTheTimeoutHasPassed() {
        String location = http.startUpload(REPO);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(http.get(location).expect(404).errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
        assertThat(http.patch(location, new byte[1]).expect(404).errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    void sessionWithinTheTimeoutIsStillOpen() {
        String location = http.startUpload(REPO);

        clock.advance(Duration.ofMinutes(9));

        http.get(location).expect(204);
    }

    @Test
    void everyChunkRestartsTheIdleTime() {
        byte[] content = new byte[30];
        String location = http.startUpload(REPO);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(8));
            location = http.patch(location, new byte[10]).expect(202).location();
        }

        clock.advance(Duration.ofMinutes(8));

        http.put(withParameter(location, "digest", Digest.sha256(content).toString()), new byte[0]).expect(201);
    }

    @Test
    void expiredSessionCannotBeCompletedAndStoresNothing() {
        byte[] content = new byte[10];
        String location = http.patch(http.startUpload(REPO), content).expect(202).location();

        clock.advance(Duration.ofHours(1));

        assertThat(http.put(withParameter(location, "digest", Digest.sha256(content).toString()), new byte[0])
                .expect(404).errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
        assertThat(http.head("/v2/" + REPO + "/blobs/" + Digest.sha256(content)).status()).isEqualTo(404);
        assertThat(http.delete(location).expect(404).errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    void housekeepingExpiresIdleSessionsWithoutARequest() {
        http.startUpload(REPO);
        http.startUpload(REPO);

        clock.advance(Duration.ofMinutes(11));

        assertThat(simulator.registry().uploads().expireIdle()).isEqualTo(2);
        assertThat(simulator.registry().uploads().openCount()).isZero();
    }
}
