package dev.hubsim.simulator.client;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.BlobContent;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.ratelimit.RateLimitPolicy;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.testing.TestClock;
import dev.hubsim.simulator.testing.TestImages.Image;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * A token-auth simulator for the client tests, and clients for it that count their token requests. Cast: alice
 * (owns the alice namespace; alice/private is private), bob (an outsider), and library/nginx:1.0, public.
 */
final class ClientHub implements AutoCloseable {
    static final String ALICE_PASSWORD = "alice-client-pw-93";
    static final String BOB_PASSWORD = "bob-client-pw-41";

    final Simulator simulator;
    /** Token requests made by the clients of this hub. */
    final AtomicInteger tokenRequests = new AtomicInteger();
    /** Every request the clients of this hub sent on the wire (retries included), as {@code METHOD /path?query}. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** The headers of every answer the clients of this hub received, in order. */
    final List<Headers> responseHeaders = new CopyOnWriteArrayList<>();
    private final OkHttpClient counting;

    private ClientHub(Simulator simulator) {
        this.simulator = simulator;
        this.counting = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
            HttpUrl url = chain.request().url();
            requests.add(chain.request().method() + " " + url.encodedPath()
                    + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery()));
            if (url.encodedPath().equals("/token")) {
                tokenRequests.incrementAndGet();
            }
            Response response = chain.proceed(chain.request());
            responseHeaders.add(response.headers());
            return response;
        }).build();
    }

    static ClientHub start() {
        return start(options -> options);
    }

    /** Like {@link #start()}, with other simulator options, e.g. a rate limit or a clock. */
    static ClientHub start(UnaryOperator<Simulator.Builder> options) {
        Seed seed = new Seed(
                List.of(new Seed.User("alice", ALICE_PASSWORD, null, false, List.of()),
                        new Seed.User("bob", BOB_PASSWORD, null, false, List.of())),
                List.of(), List.of(new Seed.Repository("alice/private", true)),
                List.of(new Seed.Image("library/nginx:1.0", null, List.of("2KB", "3KB"))));
        return new ClientHub(options.apply(Simulator.builder().auth(AuthMode.TOKEN).rateLimit(RateLimitPolicy.UNLIMITED)
                .clock(new TestClock()).seed(seed)).start());
    }

    /** A client for this simulator (registry and token service on one port), anonymous. */
    DockerHubClient.Builder anonymous() {
        return DockerHubClient.builder().baseUrl(simulator.baseUri().toString()).httpClient(counting);
    }

    DockerHubClient.Builder alice() {
        return anonymous().credentials("alice", SecretString.of(ALICE_PASSWORD));
    }

    DockerHubClient.Builder bob() {
        return anonymous().credentials("bob", SecretString.of(BOB_PASSWORD));
    }

    /** Pushes the image (an index after its children, blobs before manifests) as alice, tagged {@code tag}. */
    void push(String repository, String tag, Image image) {
        DockerHubClient alice = alice().build();
        pushAs(alice, repository, image);
        alice.registry().putManifest(ImageReference.parse(repository + ":" + tag), image.mediaType(), image.bytes());
    }

    private static void pushAs(DockerHubClient client, String repository, Image image) {
        image.children().forEach(child -> pushAs(client, repository, child));
        image.blobs().forEach(blob -> client.registry().pushBlob(repository, blob.digest(), BlobContent.of(blob.bytes())));
        client.registry().putManifest(ImageReference.parse(repository + "@" + image.digest()), image.mediaType(),
                image.bytes());
    }

    @Override
    public void close() {
        simulator.close();
    }
}
