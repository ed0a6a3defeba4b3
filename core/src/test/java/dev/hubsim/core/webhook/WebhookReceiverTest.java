package dev.hubsim.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receiver over real HTTP on 127.0.0.1. */
class WebhookReceiverTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<WebhookEvent> events = new CopyOnWriteArrayList<>();
    private final WebhookHandler handler = new WebhookHandler().on(WebhookEvent.class, events::add);
    private WebhookReceiver receiver;
    private HttpServer callbackServer;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (callbackServer != null) {
            callbackServer.stop(0);
        }
    }

    @Test
    void aPayloadPostedToThePathIsHandledAndAnswered200() throws Exception {
        receiver = WebhookReceiver.builder(handler).path("/hooks/docker").start();

        HttpResponse<String> response = post(receiver.url(), Payloads.bytes(Payloads.PUSH));

        assertThat(receiver.url().toString()).startsWith("http://127.0.0.1:").endsWith("/hooks/docker");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(events).singleElement().isInstanceOf(ImagePushed.class);
    }

    @Test
    void aMalformedPayloadIsAnswered400WithTheProblem() throws Exception {
        receiver = WebhookReceiver.builder(handler).start();

        HttpResponse<String> response = post(receiver.url(), Payloads.pushWith("\"tag\": \"1.4.2\"", "\"tag\": 1"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("invalid Docker Hub webhook payload: push_data.tag: must be a string, "
                + "got the number 1");
        assertThat(events).isEmpty();
    }

    @Test
    void otherMethodsPathsAndOversizedBodiesAreRefused() throws Exception {
        receiver = WebhookReceiver.builder(handler).path("/hook").start();

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(receiver.url()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> elsewhere = post(receiver.url().resolve("/hook/more"), Payloads.bytes(Payloads.PUSH));
        HttpResponse<String> huge = post(receiver.url(), new byte[WebhookReceiver.MAX_BODY + 1]);

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(events).isEmpty();
    }

    @Test
    void aFailingListenerIsAnswered500WithoutItsDetails() throws Exception {
        receiver = WebhookReceiver.builder(new WebhookHandler().on(ImagePushed.class, e -> {
            throw new IllegalStateException("database password is hunter2");
        })).start();

        HttpResponse<String> response = post(receiver.url(), Payloads.bytes(Payloads.PUSH));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("a listener failed to process the event").doesNotContain("hunter2");
    }

    @Test
    void withCallbacksAnsweredTheReceiverPostsSuccessToALoopbackCallbackUrl() throws Exception {
        BlockingQueue<String> callbacks = new LinkedBlockingQueue<>();
        callbackServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        callbackServer.createContext("/", exchange -> {
            callbacks.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        callbackServer.start();
        String callbackUrl = "http://127.0.0.1:" + callbackServer.getAddress().getPort() + "/u/acme/web/hook/abc/";
        receiver = WebhookReceiver.builder(handler).answerCallbacks(CallbackValidator.answering("deployer")).start();

        HttpResponse<String> response = post(receiver.url(), Payloads.pushWith(
                "https://registry.hub.docker.com/u/acme/web/hook/2141b5bi5i5b02bec211i4eeih0242eg11000a/", callbackUrl));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(callbacks.poll(10, TimeUnit.SECONDS)).isEqualTo("POST /u/acme/web/hook/abc/ "
                + "{\"state\":\"success\",\"description\":\"processed acme/web:1.4.2\",\"context\":\"deployer\"}");
    }

    private HttpResponse<String> post(URI url, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
