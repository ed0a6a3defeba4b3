package dev.hubsim.simulator.webhook;

import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Webhooks configured through hubsim's admin API and the seed file, and the {@code callback_url} endpoint. */
class WebhookAdminHttpTest {
    private Simulator simulator;
    private RegistryHttp http;
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private void start(Simulator.Builder builder) {
        simulator = builder.webhookDelivery(new DeliveryPolicy(2, Duration.ofMillis(20), Duration.ofSeconds(5))).start();
        http = new RegistryHttp(simulator.baseUri());
    }

    private Reply post(String path, String json, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.post(path, json.getBytes(StandardCharsets.UTF_8), all);
    }

    @Test
    void webhooksAreAddedListedAndRemoved() {
        start(Simulator.builder());

        Reply added = post("/_hubsim/webhooks", "{\"repository\":\"acme/web\",\"name\":\"ci\",\"url\":\"http://127.0.0.1:9/hook\"}");
        post("/_hubsim/webhooks", "{\"repository\":\"nginx\",\"name\":\"ops\",\"url\":\"https://127.0.0.1/x\"}").expect(201);

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("repository").asText()).isEqualTo("acme/web");
        assertThat(added.json().path("url").asText()).isEqualTo("http://127.0.0.1:9/hook");
        Reply list = http.get("/_hubsim/webhooks").expect(200);
        assertThat(list.json().path("webhooks").findValuesAsText("name")).containsExactly("ci", "ops");
        assertThat(list.json().path("webhooks").findValuesAsText("repository")).containsExactly("acme/web", "library/nginx");
        assertThat(simulator.webhooks().list()).hasSize(2);

        assertThat(http.delete("/_hubsim/webhooks?repository=acme/web&name=ci").status()).isEqualTo(204);
        assertThat(http.get("/_hubsim/webhooks").json().path("webhooks").findValuesAsText("name")).containsExactly("ops");
        Reply again = http.delete("/_hubsim/webhooks?repository=acme/web&name=ci");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().path("message").asText()).isEqualTo("repository acme/web has no webhook named ci");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "no url            | {\"repository\":\"acme/web\",\"name\":\"ci\"}                                   | webhook ci needs a url",
            "no name           | {\"repository\":\"acme/web\",\"url\":\"http://127.0.0.1/h\"}                    | a webhook needs a name",
            "no repository     | {\"name\":\"ci\",\"url\":\"http://127.0.0.1/h\"}                                 | a webhook needs a repository",
            "bad repository    | {\"repository\":\"Acme/Web\",\"name\":\"ci\",\"url\":\"http://127.0.0.1/h\"}     | 'Acme/Web' is not a repository name",
            "not http          | {\"repository\":\"acme/web\",\"name\":\"ci\",\"url\":\"ftp://127.0.0.1/h\"}      | the url must be an absolute http or https URL",
            "relative url      | {\"repository\":\"acme/web\",\"name\":\"ci\",\"url\":\"/hook\"}                 | the url must be an absolute http or https URL",
            "malformed url     | {\"repository\":\"acme/web\",\"name\":\"ci\",\"url\":\"http://a b\"}            | is not a URL",
            "url not a string  | {\"repository\":\"acme/web\",\"name\":\"ci\",\"url\":42}                        | 'url' must be a string",
            "not an object     | [1,2]                                                                          | the body must be a JSON object",
            "not JSON          | {oops                                                                          | the body must be JSON"})
    void invalidWebhooksAreRefusedWith400AndAClearMessage(String what, String body, String message) {
        start(Simulator.builder());

        Reply refused = post("/_hubsim/webhooks", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/json");
        assertThat(refused.json().path("message").asText()).contains(message);
        assertThat(simulator.webhooks().list()).isEmpty();
    }

    @Test
    void aSecondWebhookOfTheSameNameIsAConflictAndRemovalNeedsBothParameters() {
        start(Simulator.builder());
        String body = "{\"repository\":\"acme/web\",\"name\":\"ci\",\"url\":\"http://127.0.0.1/h\"}";
        post("/_hubsim/webhooks", body).expect(201);

        Reply duplicate = post("/_hubsim/webhooks", body);
        Reply incomplete = http.delete("/_hubsim/webhooks?repository=acme/web");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("message").asText()).isEqualTo("repository acme/web already has a webhook named ci");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().path("message").asText()).contains("?repository=acme/web&name=ci");
    }

    @Test
    void theWebhookAdminApiNeedsTheAdminToken() {
        start(Simulator.builder().adminToken("admin-secret"));

        assertThat(http.get("/_hubsim/webhooks").status()).isEqualTo(401);
        assertThat(http.get("/_hubsim/webhooks/deliveries").status()).isEqualTo(401);
        assertThat(post("/_hubsim/webhooks", "{\"repository\":\"acme/web\",\"name\":\"ci\",\"url\":\"http://127.0.0.1/h\"}")
                .status()).isEqualTo(401);
        assertThat(simulator.webhooks().list()).isEmpty();
        assertThat(http.get("/_hubsim/webhooks", "Authorization", "Bearer admin-secret").status()).isEqualTo(200);
    }

    @Test
    void theDeliveryLogAndTheCallbacksAreInTheAdminApi() throws Exception {
        start(Simulator.builder().auth(AuthMode.NONE));
        receiver = new WebhookReceiver(503, 202);
        simulator.webhooks().add(new Webhook("acme/web", "ci", receiver.url("/hook")));
        http.pushImage("acme/web", "2.0", TestImages.ociImage());
        String callbackUrl = receiver.await(2).get(0).json().path("callback_url").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (simulator.webhooks().deliveries().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        Reply log = http.get("/_hubsim/webhooks/deliveries").expect(200);
        assertThat(log.json().path("deliveries")).hasSize(2);
        assertThat(log.json().path("deliveries").get(0).path("webhook").asText()).isEqualTo("ci");
        assertThat(log.json().path("deliveries").get(0).path("repository").asText()).isEqualTo("acme/web");
        assertThat(log.json().path("deliveries").get(0).path("tag").asText()).isEqualTo("2.0");
        assertThat(log.json().path("deliveries").findValuesAsText("attempt")).containsExactly("1", "2");
        assertThat(log.json().path("deliveries").findValuesAsText("status")).containsExactly("503", "202");
        assertThat(log.json().path("deliveries").findValuesAsText("delivered")).containsExactly("false", "true");
        assertThat(log.json().path("deliveries").get(1).path("time").asText()).endsWith("Z");

        Reply accepted = post(callbackUrl, "{\"state\":\"success\",\"description\":\"tests passed\","
                + "\"context\":\"ci\",\"target_url\":\"http://127.0.0.1/build/1\"}");
        Reply badState = post(callbackUrl, "{\"state\":\"done\"}");
        Reply unknown = post(simulator.baseUri() + "/u/acme/web/hook/0123456789abcdef0123456789abcdef/", "{\"state\":\"success\"}");
        Reply otherRepository = post(callbackUrl.replace("/u/acme/web/", "/u/acme/api/"), "{\"state\":\"success\"}");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.json().path("message").asText()).isEqualTo("state must be success, failure or error, got 'done'");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("message").asText())
                .isEqualTo("no webhook payload of acme/web has hook id 0123456789abcdef0123456789abcdef");
        assertThat(otherRepository.status()).isEqualTo(404);
        Reply callbacks = http.get("/_hubsim/webhooks/callbacks").expect(200);
        assertThat(callbacks.json().path("callbacks")).singleElement().satisfies(callback -> {
            assertThat(callback.path("repository").asText()).isEqualTo("acme/web");
            assertThat(callback.path("tag").asText()).isEqualTo("2.0");
            assertThat(callback.path("state").asText()).isEqualTo("success");
            assertThat(callback.path("description").asText()).isEqualTo("tests passed");
            assertThat(callback.path("context").asText()).isEqualTo("ci");
            assertThat(callback.path("target_url").asText()).isEqualTo("http://127.0.0.1/build/1");
            assertThat(callbackUrl).contains(callback.path("hook_id").asText());
        });
    }

    @Test
    void aSeedFileConfiguresWebhooks(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("seed.yaml");
        Files.writeString(file, """
                webhooks:
                  - repository: acme/web
                    name: ci
                    url: http://127.0.0.1:8080/hook
                  - repository: redis
                    name: ops
                    url: https://127.0.0.1/ops
                """);

        start(Simulator.builder().seed(Seed.load(file)));

        assertThat(simulator.webhooks().list()).extracting(Webhook::repository, Webhook::name, w -> w.url().toString())
                .containsExactly(tuple("acme/web", "ci", "http://127.0.0.1:8080/hook"),
                        tuple("library/redis", "ops", "https://127.0.0.1/ops"));
        assertThat(http.get("/_hubsim/webhooks").json().path("webhooks")).hasSize(2);
    }

    @Test
    void aSeedFileWithABadWebhookFailsWhenLoaded(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("seed.yaml");
        Files.writeString(file, """
                webhooks:
                  - repository: acme/web
                    name: ci
                    url: ftp://127.0.0.1/hook
                """);

        assertThatThrownBy(() -> Seed.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid seed file " + file)
                .hasMessageContaining("webhook ci: the url must be an absolute http or https URL");
    }
}
