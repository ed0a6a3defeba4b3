package dev.hubsim.simulator.webhook;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * POSTs payloads to webhook URLs off the pushing thread, retrying failed attempts with the policy's backoff and
 * reporting every attempt. {@link #cancelPending()} drops deliveries not yet finished (for a reset);
 * {@link #close()} stops the threads.
 */
final class WebhookSender implements AutoCloseable {
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final Consumer<Delivery> report;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService httpThreads;
    private volatile HttpClient client;
    private final AtomicLong generation = new AtomicLong();

    WebhookSender(DeliveryPolicy policy, Clock clock, Consumer<Delivery> report) {
        this.policy = policy;
        this.clock = clock;
        this.report = report;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("hubsim-webhooks"));
        this.httpThreads = Executors.newCachedThreadPool(daemon("hubsim-webhooks-http"));
    }

    /** The HTTP client, built on the first delivery: building it initialises TLS, which slows the simulator's start. */
    private HttpClient client() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(policy.timeout())
                            .followRedirects(HttpClient.Redirect.NEVER).executor(httpThreads).build();
                    client = built;
                }
            }
        }
        return built;
    }

    /** Starts delivering {@code body} for a push of {@code tag}; returns at once. */
    void send(Webhook webhook, String tag, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(webhook.url()).timeout(policy.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long current = generation.get();
        schedule(() -> attempt(webhook, tag, request, 1, current), 0);
    }

    /** Forgets every delivery still waiting for an attempt or an answer. */
    void cancelPending() {
        generation.incrementAndGet();
    }

    private void attempt(Webhook webhook, String tag, HttpRequest request, int attempt, long started) {
        if (generation.get() != started) {
            return;
        }
        try {
            client().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> answered(webhook, tag, request, attempt, started, response, failure));
        } catch (RejectedExecutionException closed) {
            // the simulator is closing: nothing more is delivered
        }
    }

    private void answered(Webhook webhook, String tag, HttpRequest request, int attempt, long started,
                          HttpResponse<Void> response, Throwable failure) {
        if (generation.get() != started) {
            return;
        }
        boolean delivered = failure == null && response.statusCode() / 100 == 2;
        report.accept(new Delivery(webhook.name(), webhook.repository(), tag, attempt,
                failure == null ? response.statusCode() : null, failure == null ? null : describe(failure),
                delivered, clock.instant()));
        if (!delivered && attempt < policy.attempts()) {
            schedule(() -> attempt(webhook, tag, request, attempt + 1, started),
                    policy.backoffBefore(attempt + 1).toMillis());
        }
    }

    private void schedule(Runnable task, long delayMillis) {
        try {
            scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // the simulator is closing: nothing more is delivered
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        cancelPending();
        scheduler.shutdownNow();
        httpThreads.shutdownNow();
    }
}
