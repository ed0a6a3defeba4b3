package dev.hubsim.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives a script's webhook deliveries: an HTTP endpoint on 127.0.0.1 that collects Docker Hub push payloads.
 * {@code simulator { webhook 'alice/app' }} points a repository's webhook at it; {@code webhook.await(1)} waits for
 * deliveries, which arrive asynchronously after a push.
 */
public final class WebhookInbox implements AutoCloseable {
    /** How long {@link #await(int)} waits. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
    private static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<WebhookEvent> events = new ArrayList<>();

    private WebhookInbox(HttpServer server) {
        this.server = server;
    }

    static WebhookInbox start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookInbox inbox = new WebhookInbox(server);
            server.createContext("/", inbox::receive);
            server.start();
            return inbox;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the webhook inbox", e);
        }
    }

    /** The URL to give a webhook. */
    public URI getUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** The events received so far, oldest first. */
    public synchronized List<WebhookEvent> getEvents() {
        return List.copyOf(events);
    }

    /** Waits up to ten seconds for {@code count} events in all; returns them, or fails naming how many came. */
    public List<WebhookEvent> await(int count) {
        return await(count, DEFAULT_WAIT);
    }

    /** Waits up to {@code timeout} for {@code count} events in all. */
    public synchronized List<WebhookEvent> await(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ExpectationFailedException("expected " + count + " webhook event(s) within " + timeout.toMillis()
                        + " ms, got " + events.size() + ": " + events);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DslException("interrupted while waiting for webhook events");
            }
        }
        return List.copyOf(events);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readNBytes(MAX_PAYLOAD_BYTES);
            WebhookEvent event = parse(bytes);
            exchange.sendResponseHeaders(event == null ? 400 : 200, -1);
            if (event != null) {
                synchronized (this) {
                    events.add(event);
                    notifyAll();
                }
            }
        }
    }

    /** Docker Hub's push payload; null when the body is not one. */
    private static WebhookEvent parse(byte[] bytes) {
        try {
            JsonNode payload = JSON.readTree(bytes);
            JsonNode push = payload.path("push_data");
            JsonNode repository = payload.path("repository");
            if (!push.isObject() || !repository.isObject()) {
                return null;
            }
            return new WebhookEvent(repository.path("repo_name").asText(), push.path("tag").asText(),
                    push.path("pusher").asText(), Instant.ofEpochSecond(push.path("pushed_at").asLong()));
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
