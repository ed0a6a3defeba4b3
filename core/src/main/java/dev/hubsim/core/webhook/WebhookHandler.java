package dev.hubsim.core.webhook;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Receives webhook payloads: parses and validates each ({@link WebhookPayloadParser}) and hands the event to every
 * listener registered for its type, in the order they were registered. Thread-safe; listeners may be added at any
 * time. Use it from your own HTTP endpoint, or let a {@link WebhookReceiver} serve it.
 * <pre>{@code
 * WebhookHandler handler = new WebhookHandler()
 *         .on(ImagePushed.class, pushed -> deploy(pushed.repository().repoName(), pushed.tag()));
 * }</pre>
 */
public final class WebhookHandler {
    private final WebhookPayloadParser parser = new WebhookPayloadParser();
    private final List<Listener<?>> listeners = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} with every event of this type ({@link WebhookEvent} for all of them). */
    public <E extends WebhookEvent> WebhookHandler on(Class<E> type, Consumer<? super E> listener) {
        listeners.add(new Listener<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(listener, "listener")));
        return this;
    }

    /**
     * Parses the payload and calls the listeners of its event. Every listener is called even when one fails; the
     * first failure is then rethrown, with the others attached as suppressed.
     *
     * @return the event
     * @throws InvalidWebhookPayloadException when the payload is malformed (no listener is called)
     */
    public WebhookEvent handle(byte[] payload) {
        WebhookEvent event = parse(payload);
        dispatch(event);
        return event;
    }

    WebhookEvent parse(byte[] payload) {
        return parser.parse(payload);
    }

    void dispatch(WebhookEvent event) {
        RuntimeException failure = null;
        for (Listener<?> listener : listeners) {
            try {
                listener.offer(event);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private record Listener<E extends WebhookEvent>(Class<E> type, Consumer<? super E> consumer) {
        void offer(WebhookEvent event) {
            if (type.isInstance(event)) {
                consumer.accept(type.cast(event));
            }
        }
    }
}
