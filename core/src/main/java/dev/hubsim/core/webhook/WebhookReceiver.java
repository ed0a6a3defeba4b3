package dev.hubsim.core.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP endpoint for webhooks (the JDK's HTTP server), for applications that have none: {@code POST <path>}
 * with a payload is handed to a {@link WebhookHandler} and answered 200; a malformed payload 400 with the problem; a
 * failing listener 500 (without its details); a body over {@value #MAX_BODY} bytes 413; other methods 405. Binds to
 * 127.0.0.1 unless told otherwise. Optionally answers Docker Hub's legacy {@code callback_url} validation
 * ({@link CallbackValidator}).
 * <pre>{@code
 * try (WebhookReceiver receiver = WebhookReceiver.builder(handler).path("/hooks/docker").start()) {
 *     URI url = receiver.url(); // give this to Docker Hub (or the simulator)
 * }
 * }</pre>
 */
public final class WebhookReceiver implements AutoCloseable {
    /** The largest payload accepted: Docker Hub's are a few kilobytes. */
    public static final int MAX_BODY = 1024 * 1024;
    private static final System.Logger LOG = System.getLogger(WebhookReceiver.class.getName());

    private final HttpServer server;
    private final ExecutorService threads;
    private final WebhookHandler handler;
    private final CallbackValidator callbacks;
    private final String path;

    private WebhookReceiver(Builder builder) {
        this.handler = builder.handler;
        this.callbacks = builder.callbacks;
        this.path = builder.path;
        this.threads = Executors.newFixedThreadPool(builder.threads, runnable -> {
            Thread thread = new Thread(runnable, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.server = HttpServer.create(builder.address, 0);
        } catch (IOException e) {
            threads.shutdown();
            throw new UncheckedIOException("cannot listen on " + builder.address, e);
        }
        server.createContext(path, this::exchange);
        server.setExecutor(threads);
        server.start();
    }

    /** A receiver for this handler, on 127.0.0.1 with a free port, at path {@code /}. */
    public static Builder builder(WebhookHandler handler) {
        return new Builder(handler);
    }

    /** The URL to configure as the webhook's destination. */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort() + path);
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                answer(exchange, 404, "no webhook endpoint at " + exchange.getRequestURI().getPath());
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                answer(exchange, 405, "webhooks are POSTed");
                return;
            }
            byte[] body = read(exchange.getRequestBody());
            if (body == null) {
                answer(exchange, 413, "the payload is larger than " + MAX_BODY + " bytes");
                return;
            }
            deliver(exchange, body);
        }
    }

    private void deliver(HttpExchange exchange, byte[] body) throws IOException {
        WebhookEvent event;
        try {
            event = handler.parse(body);
        } catch (InvalidWebhookPayloadException e) {
            answer(exchange, 400, e.getMessage());
            return;
        }
        try {
            handler.dispatch(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a webhook listener failed on " + event.repository().repoName() + ":"
                    + event.tag(), e);
            answer(exchange, 500, "a listener failed to process the event");
            callbacks.report(event, false);
            return;
        }
        answer(exchange, 200, "ok");
        callbacks.report(event, true);
    }

    /** The body, or null when it is larger than {@link #MAX_BODY}. */
    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private static void answer(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Stops listening at once. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Configures a {@link WebhookReceiver}. */
    public static final class Builder {
        private final WebhookHandler handler;
        private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private String path = "/";
        private int threads = 2;
        private CallbackValidator callbacks = CallbackValidator.NONE;

        private Builder(WebhookHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /** Where to listen; port 0 picks a free one. Binding beyond loopback exposes the endpoint to the network. */
        public Builder address(InetSocketAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The path payloads are POSTed to, e.g. {@code /hooks/docker-hub}. */
        public Builder path(String path) {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("the path must start with '/', got " + path);
            }
            this.path = path;
            return this;
        }

        /** Threads serving requests (default 2). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** After each payload, POSTs the validation Docker Hub's legacy webhook chains expected to its {@code callback_url}. */
        public Builder answerCallbacks(CallbackValidator validator) {
            this.callbacks = Objects.requireNonNull(validator, "validator");
            return this;
        }

        public WebhookReceiver start() {
            return new WebhookReceiver(this);
        }
    }
}
