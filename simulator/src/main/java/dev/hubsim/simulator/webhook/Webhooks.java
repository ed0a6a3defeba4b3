package dev.hubsim.simulator.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.simulator.registry.RegistryState;
import dev.hubsim.simulator.registry.RepositoryView;
import dev.hubsim.simulator.registry.TagPush;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulator's webhooks: per-repository configuration, delivery of Docker Hub's push payload for every pushed tag
 * (asynchronous, retried per the {@link DeliveryPolicy}), the delivery log, and the callbacks receivers POST to a
 * payload's {@code callback_url}. Deliveries go only to the URLs configured for the pushed repository.
 */
public final class Webhooks implements AutoCloseable {
    private static final int LOG_CAPACITY = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryState registry;
    private final Clock clock;
    private final Map<String, Map<String, Webhook>> byRepository = new LinkedHashMap<>();
    private final BoundedLog<Delivery> deliveries = new BoundedLog<>(LOG_CAPACITY);
    private final BoundedLog<Callback> callbacks = new BoundedLog<>(LOG_CAPACITY);
    private final Map<String, TagPush> hooks = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TagPush> eldest) {
            return size() > LOG_CAPACITY;
        }
    });
    private final WebhookSender sender;
    private volatile URI callbackBase = URI.create("http://127.0.0.1/");

    /** Webhooks fired by the registry's pushes. */
    public Webhooks(RegistryState registry, Clock clock, DeliveryPolicy policy) {
        this.registry = registry;
        this.clock = clock;
        this.sender = new WebhookSender(policy, clock, deliveries::add);
        registry.onTagPush(this::pushed);
    }

    /** Where the simulator listens, so that {@code callback_url} points at it; set once the server is up. */
    public void setCallbackBase(URI base) {
        this.callbackBase = base;
    }

    /**
     * Adds a webhook.
     *
     * @throws IllegalStateException when its repository already has a webhook of that name
     */
    public synchronized Webhook add(Webhook webhook) {
        Map<String, Webhook> hooksOfRepository = byRepository.computeIfAbsent(webhook.repository(), r -> new LinkedHashMap<>());
        if (hooksOfRepository.containsKey(webhook.name())) {
            throw new IllegalStateException("repository " + webhook.repository() + " already has a webhook named "
                    + webhook.name());
        }
        hooksOfRepository.put(webhook.name(), webhook);
        return webhook;
    }

    /** Removes a repository's webhook; false when there is none of that name. */
    public synchronized boolean remove(String repository, String name) {
        Map<String, Webhook> hooksOfRepository = byRepository.get(normalised(repository));
        return hooksOfRepository != null && hooksOfRepository.remove(name) != null;
    }

    /** Every webhook, by repository in the order added. */
    public synchronized List<Webhook> list() {
        return byRepository.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    /** Every delivery attempt (the newest 1000), oldest first. */
    public List<Delivery> deliveries() {
        return deliveries.list();
    }

    /** Every callback received (the newest 1000), oldest first. */
    public List<Callback> callbacks() {
        return callbacks.list();
    }

    /**
     * Records a receiver's callback to {@code callback_url}. {@code state} must be success, failure or error;
     * description at most 255 characters, context at most 100 (Docker Hub's documented limits).
     *
     * @return empty when no payload for this repository has this hook id
     */
    public Optional<Callback> callback(String repository, String hookId, String state, String description, String context,
                                       String targetUrl) {
        TagPush push = hooks.get(hookId);
        if (push == null || !push.repository().equals(repository)) {
            return Optional.empty();
        }
        if (state == null || !List.of("success", "failure", "error").contains(state)) {
            throw new IllegalArgumentException("state must be success, failure or error, got " + (state == null ? "none" : "'" + state + "'"));
        }
        if (description != null && description.length() > 255) {
            throw new IllegalArgumentException("description is longer than 255 characters");
        }
        if (context != null && context.length() > 100) {
            throw new IllegalArgumentException("context is longer than 100 characters");
        }
        Callback callback = new Callback(hookId, push.repository(), push.tag(), state, description, context, targetUrl,
                clock.instant());
        callbacks.add(callback);
        return Optional.of(callback);
    }

    /** Forgets every webhook, delivery, pending retry and callback, then adds these webhooks. */
    public void reset(List<Webhook> webhooks) {
        sender.cancelPending();
        synchronized (this) {
            byRepository.clear();
        }
        deliveries.clear();
        callbacks.clear();
        hooks.clear();
        webhooks.forEach(this::add);
    }

    private void pushed(TagPush push) {
        List<Webhook> targets;
        synchronized (this) {
            targets = new ArrayList<>(byRepository.getOrDefault(push.repository(), Map.of()).values());
        }
        if (targets.isEmpty()) {
            return;
        }
        Optional<RepositoryView> repository = registry.repositoryView(push.repository());
        if (repository.isEmpty()) {
            return;
        }
        String hookId = UUID.randomUUID().toString().replace("-", "");
        hooks.put(hookId, push);
        URI callbackUrl = callbackBase.resolve("/u/" + push.repository() + "/hook/" + hookId + "/");
        byte[] body = json(WebhookPayload.of(push, repository.get(), callbackUrl));
        targets.forEach(webhook -> sender.send(webhook, push.tag(), body));
    }

    private static String normalised(String repository) {
        return repository.indexOf('/') < 0 ? "library/" + repository : repository;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a webhook payload", e);
        }
    }

    /** Stops the delivery threads; nothing is delivered after this. */
    @Override
    public void close() {
        sender.close();
    }
}
