package dev.hubsim.simulator.http;

import dev.hubsim.simulator.testing.OpenSimulatorTest;
import dev.hubsim.simulator.testing.RawHttp;
import dev.hubsim.simulator.testing.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v2/}, the API version header on every answer, and unknown endpoints. */
class BaseEndpointHttpTest extends OpenSimulatorTest {
    @Test
    void baseEndpointAnswers200WithTheApiVersionHeader() {
        Reply reply = http.get("/v2/").expect(200);

        assertThat(reply.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
        assertThat(reply.json().isObject()).isTrue();
    }

    @Test
    void baseEndpointWithoutTrailingSlashAlsoAnswers() {
        Reply reply = http.get("/v2");

        assertThat(reply.status()).isIn(200, 301, 302, 307, 308);
        assertThat(reply.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
    }

    @Test
    void baseEndpointAnswersHead() {
        Reply reply = http.head("/v2/").expect(200);

        assertThat(reply.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
        assertThat(reply.body()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET,    /v2/,                                    200",
            "GET,    /v2/alice/app/manifests/latest,          404",
            "HEAD,   /v2/alice/app/manifests/latest,          404",
            "GET,    /v2/alice/app/blobs/sha256:0000000000000000000000000000000000000000000000000000000000000000, 404",
            "GET,    /v2/alice/app/blobs/not-a-digest,        400",
            "GET,    /v2/alice/app/tags/list,                 404",
            "GET,    /v2/alice/app/tags/list?n=abc,           400",
            "GET,    /v2/Alice/app/tags/list,                 400",
            "GET,    /v2/_catalog,                            200",
            "GET,    /v2/alice/app/blobs/uploads/nope,        404",
            "DELETE, /v2/alice/app/blobs/uploads/nope,        404",
            "POST,   /v2/alice/app/blobs/uploads/,            202",
            "GET,    /nothing/here,                           404",
            "GET,    /v1/search,                              404",
            "POST,   /v2/,                                    404",
            "PUT,    /v2/alice/app/tags/list,                 404",
            "PATCH,  /v2/alice/app/manifests/latest,          404",
            "DELETE, /v2/_catalog,                            404",
            "OPTIONS, /v2/,                                   -1",
            "BOGUS,  /v2/,                                    -1",
    })
    void everyAnswerCarriesTheApiVersionHeaderIncludingErrors(String method, String path, int status) {
        Reply reply = http.send(method, path, BodyPublishers.noBody());

        if (status > 0) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        } else {
            assertThat(reply.status()).as(reply.toString()).isBetween(200, 499);
        }
        assertThat(reply.header("Docker-Distribution-API-Version")).as(reply.toString()).isEqualTo("registry/2.0");
    }

    @Test
    void unknownEndpointsAnswer404WithAnErrorEnvelope() {
        Reply reply = http.get("/v2/alice/app/nonsense/thing").expect(404);

        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().path("errors").isArray()).isTrue();
        assertThat(reply.errorCode()).isNotBlank();
    }

    @Test
    void errorsUseTheDistributionEnvelope() {
        Reply reply = http.getManifest("alice/app", "latest").expect(404);

        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.errorCode()).isEqualTo("MANIFEST_UNKNOWN");
        assertThat(reply.error().path("message").asText()).isNotBlank();
    }

    @Test
    void headerIsSentOnAnswersToRawRequestsToo() {
        Reply reply = RawHttp.exchange(simulator.baseUri(), "GET", "/v2/", List.of(), new byte[0]);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("docker-distribution-api-version")).isEqualTo("registry/2.0");
    }
}
