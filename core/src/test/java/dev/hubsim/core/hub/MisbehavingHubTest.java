package dev.hubsim.core.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.HubErrorException;
import dev.hubsim.core.error.ProtocolViolationException;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Hub client does when the Hub answers wrongly: bad links, non-JSON bodies. */
class MisbehavingHubTest {
    private final MockWebServer server = new MockWebServer();
    private volatile Function<RecordedRequest, MockResponse> answer;

    MisbehavingHubTest() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer.apply(request);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HubClient hub() {
        return DockerHubClient.builder().hubUrl(server.url("/").toString()).build().hub();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void paginationLinksThatGoRoundInACircleAreRefused() {
        String self = server.url("/v2/namespaces/alice/repositories?page=1&page_size=100").toString();
        answer = r -> json(200, "{\"count\": 2, \"next\": \"" + self + "\", \"previous\": null, "
                + "\"results\": [{\"name\": \"app\", \"namespace\": \"alice\"}]}");

        assertThatThrownBy(() -> hub().repositories().list("alice").stream().toList())
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("the Hub's pagination links go round in a circle");
    }

    @Test
    void aPaginationLinkToPlainHttpElsewhereIsNotFollowed() {
        answer = r -> json(200, "{\"count\": 2, \"next\": \"http://hub.example.com/v2/x?page=2\", \"previous\": null, "
                + "\"results\": [{\"name\": \"app\", \"namespace\": \"alice\"}]}");

        assertThatThrownBy(() -> hub().repositories().list("alice").stream().toList())
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("'http://hub.example.com/v2/x?page=2' is not an https (or loopback http) URL");
    }

    @Test
    void aSuccessWithABodyThatIsNotJsonIsAProtocolViolation() {
        answer = r -> new MockResponse.Builder().code(200).body("<html>maintenance</html>").build();

        assertThatThrownBy(() -> hub().repositories().get("alice", "app"))
                .isInstanceOfSatisfying(ProtocolViolationException.class, e -> assertThat(e.status()).isEqualTo(200))
                .hasMessageContaining("Tried to get repository on alice/app but failed because: the Hub answered a "
                        + "body that is not the expected JSON");
    }

    @Test
    void anErrorWithoutAJsonBodyStillCarriesItsStatus() {
        answer = r -> new MockResponse.Builder().code(502).body("Bad Gateway").build();

        assertThatThrownBy(() -> hub().tags().list("alice", "app").page(1, 10))
                .isInstanceOfSatisfying(HubErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.detail()).isEmpty();
                })
                .hasMessage("Tried to list tags on alice/app but failed because: the Hub API answered HTTP 502");
    }

    @Test
    void aRowWithFieldsTheClientDoesNotKnowIsStillRead() {
        answer = r -> json(200, "{\"name\": \"app\", \"namespace\": \"alice\", \"is_private\": true, "
                + "\"last_updated\": \"2021-01-05T21:06:53.506400Z\", \"brand_new_field\": {\"x\": 1}}");

        HubRepository repository = hub().repositories().get("alice", "app").orElseThrow();

        assertThat(repository.isPrivate()).isTrue();
        assertThat(repository.lastUpdated()).isEqualTo(Instant.parse("2021-01-05T21:06:53.506400Z"));
        assertThat(repository.mediaTypes()).isEmpty();
    }
}
