package dev.hubsim.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.BlobContent;
import dev.hubsim.core.webhook.CallbackValidator;
import dev.hubsim.core.webhook.ImagePushed;
import dev.hubsim.core.webhook.WebhookEvent;
import dev.hubsim.core.webhook.WebhookHandler;
import dev.hubsim.core.webhook.WebhookReceiver;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Image;
import dev.hubsim.simulator.webhook.Callback;
import dev.hubsim.simulator.webhook.Delivery;
import dev.hubsim.simulator.webhook.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's webhook deliveries, received by a {@link WebhookReceiver} built on the client's handler. */
class WebhookHandlerSimulatorTest {
    private final HubClientCast cast = HubClientCast.start();
    private final BlockingQueue<WebhookEvent> events = new LinkedBlockingQueue<>();
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
        cast.close();
    }

    @Test
    void aPushedTagReachesTheListenerAsAnImagePushedEvent() throws Exception {
        receiver = WebhookReceiver.builder(new WebhookHandler().on(ImagePushed.class, events::add))
                .path("/hooks/docker-hub").start();
        cast.simulator.webhooks().add(new Webhook("alice/open", "deployer", receiver.url()));
        Instant before = cast.simulator.clock().instant();

        push(cast.alice(), "alice/open", "3.0");

        ImagePushed pushed = (ImagePushed) events.poll(10, TimeUnit.SECONDS);
        assertThat(pushed).isNotNull();
        assertThat(pushed.tag()).isEqualTo("3.0");
        assertThat(pushed.pusher()).isEqualTo("alice");
        assertThat(pushed.pushedAt()).isBetween(before.minusSeconds(1), cast.simulator.clock().instant());
        assertThat(pushed.repository().repoName()).isEqualTo("alice/open");
        assertThat(pushed.repository().namespace()).isEqualTo("alice");
        assertThat(pushed.repository().name()).isEqualTo("open");
        assertThat(pushed.repository().description()).isEqualTo("Open one");
        assertThat(pushed.repository().isPrivate()).isFalse();
        assertThat(pushed.callbackUrl()).hasValueSatisfying(url -> assertThat(url.getPath())
                .startsWith("/u/alice/open/hook/"));
        assertThat(deliveries(1)).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(200));
    }

    @Test
    void eachPushedTagIsOneEventForItsRepositoryOnly() throws Exception {
        receiver = WebhookReceiver.builder(new WebhookHandler().on(WebhookEvent.class, events::add)).start();
        cast.simulator.webhooks().add(new Webhook("alice/open", "deployer", receiver.url()));
        DockerHubClient alice = cast.alice();

        push(alice, "alice/open", "a");
        push(alice, "alice/secret", "b");
        push(alice, "alice/open", "c");

        List<String> tags = List.of(events.poll(10, TimeUnit.SECONDS).tag(), events.poll(10, TimeUnit.SECONDS).tag());
        assertThat(tags).containsExactlyInAnyOrder("a", "c");
        assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void theReceiverAnswersTheSimulatorsCallbackUrl() throws Exception {
        receiver = WebhookReceiver.builder(new WebhookHandler().on(ImagePushed.class, events::add))
                .answerCallbacks(CallbackValidator.answering("hubsim tests")).start();
        cast.simulator.webhooks().add(new Webhook("alice/open", "deployer", receiver.url()));

        push(cast.alice(), "alice/open", "4.0");

        assertThat(events.poll(10, TimeUnit.SECONDS)).isNotNull();
        Callback callback = await(() -> cast.simulator.webhooks().callbacks(), 1).get(0);
        assertThat(callback.repository()).isEqualTo("alice/open");
        assertThat(callback.tag()).isEqualTo("4.0");
        assertThat(callback.state()).isEqualTo("success");
        assertThat(callback.context()).isEqualTo("hubsim tests");
    }

    @Test
    void aListenerThatFailsIsA500ForTheSimulatorsDelivery() throws Exception {
        receiver = WebhookReceiver.builder(new WebhookHandler().on(ImagePushed.class, e -> {
            events.add(e);
            throw new IllegalStateException("not today");
        })).start();
        cast.simulator.webhooks().add(new Webhook("alice/open", "deployer", receiver.url()));

        push(cast.alice(), "alice/open", "5.0");

        assertThat(events.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(deliveries(1).get(0).status()).isEqualTo(500);
    }

    private List<Delivery> deliveries(int count) throws InterruptedException {
        return await(() -> cast.simulator.webhooks().deliveries(), count);
    }

    private static <T> List<T> await(Supplier<List<T>> source, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<T> found = source.get();
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            found = source.get();
        }
        assertThat(found).hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    private static void push(DockerHubClient client, String repository, String tag) {
        Image image = TestImages.ociImage();
        image.blobs().forEach(blob -> client.registry().pushBlob(repository, blob.digest(), BlobContent.of(blob.bytes())));
        client.registry().putManifest(ImageReference.parse(repository + ":" + tag), MediaTypes.OCI_MANIFEST, image.bytes());
    }
}
