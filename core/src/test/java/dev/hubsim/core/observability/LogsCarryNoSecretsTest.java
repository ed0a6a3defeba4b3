package dev.hubsim.core.observability;

import static dev.hubsim.core.registry.MockRegistry.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.error.DockerHubException;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.MockRegistry;
import dev.hubsim.core.testing.EmptyImage;
import dev.hubsim.core.testing.StandardErr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With every logger at debug, a client with credentials goes through tokens, rate-limit warnings, retries, a 429 and
 * refused credentials: no password, token or Basic header reaches a log line or an exception message.
 */
class LogsCarryNoSecretsTest {
    private static final String PASSWORD = "pw-Zq81-never-logged";
    private static final String TOKEN = "tok-Jf27-never-logged";

    private final MockRegistry registry;
    private final AtomicInteger calls = new AtomicInteger();

    LogsCarryNoSecretsTest() throws IOException {
        registry = new MockRegistry();
        registry.answer(this::answer);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/token")) {
            return request.getUrl().queryParameter("scope").contains("refused")
                    ? status(401).build() : status(200).body("{\"token\":\"" + TOKEN + "\",\"expires_in\":300}").build();
        }
        if (request.getHeaders().get("Authorization") == null) {
            return status(401).setHeader("WWW-Authenticate", "Bearer realm=\"" + registry.url("/token")
                    + "\",service=\"test\"").build();
        }
        return switch (calls.incrementAndGet() % 4) {
            case 1 -> status(503).build();
            case 2 -> status(429).setHeader("Retry-After", "0").body("{\"errors\":[{\"code\":\"TOOMANYREQUESTS\"}]}").build();
            default -> status(200).setHeader("Content-Type", EmptyImage.MEDIA_TYPE)
                    .setHeader("ratelimit-limit", "100;w=21600").setHeader("ratelimit-remaining", "3;w=21600")
                    .setHeader("docker-ratelimit-source", "account-42").body(EmptyImage.MANIFEST).build();
        };
    }

    @Test
    void noSecretInLogsOrExceptions() {
        DockerHubClient client = registry.client().authUrl(registry.url("/"))
                .credentials("alice", SecretString.of(PASSWORD)).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2))
                .rateLimitWait(Duration.ofSeconds(1)).build();
        List<String> messages = new ArrayList<>();

        String log = StandardErr.capture(() -> {
            for (int i = 0; i < 3; i++) {
                client.registry().getManifest(ImageReference.parse("alice/app:" + i));
            }
            try {
                client.registry().getManifest(ImageReference.parse("alice/refused:1"));
            } catch (DockerHubException e) {
                messages.add(e.getMessage());
            }
        });

        assertThat(log).as("the capture works").contains("Docker Hub pull rate limit: 3 of 100");
        String basic = Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(messages).hasSize(1);
        for (String text : List.of(log, String.join("\n", messages), client.toString())) {
            assertThat(text).doesNotContain(PASSWORD).doesNotContain(TOKEN).doesNotContain(basic);
        }
    }
}
