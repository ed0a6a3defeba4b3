package dev.hubsim.core.registry;

import dev.hubsim.core.DockerHubClient;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer on loopback answering with one function, recording every request in order, for tests of how the
 * client copes with what a (mis)behaving registry sends.
 */
public final class MockRegistry implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<RecordedRequest, MockResponse> answer = r -> new MockResponse.Builder().code(404).build();

    public MockRegistry() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return answer.apply(request);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    public void answer(Function<RecordedRequest, MockResponse> answer) {
        this.answer = answer;
    }

    /** {@code http://127.0.0.1:<port>} plus the path. */
    public String url(String path) {
        return server.url(path).toString();
    }

    public DockerHubClient.Builder client() {
        return DockerHubClient.builder().registryUrl(url("/"));
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Method and target, e.g. {@code PATCH /v2/a/b/blobs/uploads/1}. */
    public List<String> requestLines() {
        return requests().stream().map(r -> r.getMethod() + " " + r.getTarget()).toList();
    }

    public static MockResponse.Builder status(int code) {
        return new MockResponse.Builder().code(code);
    }

    @Override
    public void close() {
        server.close();
    }
}
