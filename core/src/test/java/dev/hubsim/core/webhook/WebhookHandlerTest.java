package dev.hubsim.core.webhook;

import static dev.hubsim.core.webhook.Payloads.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WebhookHandlerTest {
    private static final String DELETE = """
            {"delete_data": {"deleted_at": 1, "deleter": "alice", "tag": "old"}, "repository": %s}"""
            .formatted(Payloads.REPOSITORY);

    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Test
    void eachEventReachesTheListenersOfItsTypeInOrder() {
        WebhookHandler handler = new WebhookHandler()
                .on(ImagePushed.class, e -> calls.add("pushed " + e.tag()))
                .on(WebhookEvent.class, e -> calls.add("any " + e.tag()))
                .on(TagDeleted.class, e -> calls.add("deleted " + e.tag()))
                .on(ScanCompleted.class, e -> calls.add("scanned " + e.tag()));

        WebhookEvent pushed = handler.handle(bytes(Payloads.PUSH));
        handler.handle(bytes(DELETE));

        assertThat(pushed).isInstanceOf(ImagePushed.class);
        assertThat(calls).containsExactly("pushed 1.4.2", "any 1.4.2", "any old", "deleted old");
    }

    @Test
    void aMalformedPayloadReachesNoListener() {
        WebhookHandler handler = new WebhookHandler().on(WebhookEvent.class, e -> calls.add("any"));

        assertThatThrownBy(() -> handler.handle(Payloads.pushWith("\"pusher\": \"alice\", ", "")))
                .isInstanceOf(InvalidWebhookPayloadException.class)
                .hasMessageContaining("push_data.pusher: missing");
        assertThat(calls).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotKeepTheOthersFromTheEventAndItsFailureIsReported() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second");
        WebhookHandler handler = new WebhookHandler()
                .on(ImagePushed.class, e -> {
                    throw first;
                })
                .on(ImagePushed.class, e -> calls.add("still called"))
                .on(ImagePushed.class, e -> {
                    throw second;
                });

        assertThatThrownBy(() -> handler.handle(bytes(Payloads.PUSH))).isSameAs(first);
        assertThat(first.getSuppressed()).containsExactly(second);
        assertThat(calls).containsExactly("still called");
    }
}
