package dev.hubsim.core.observability;

import io.micrometer.observation.Observation;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * The innermost policy: one {@code docker.http.execute} span per attempt on the wire, and the byte counters: request
 * bodies count as uploaded once answered, response bodies as downloaded while they are read (streamed, never
 * buffered).
 */
public final class HttpExecuteInterceptor implements Interceptor {
    private final ClientTelemetry telemetry;

    public HttpExecuteInterceptor(ClientTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Observation observation = Observation.createNotStarted(DockerSpans.HTTP_EXECUTE, telemetry.observations())
                .lowCardinalityKeyValue("method", request.method())
                .highCardinalityKeyValue("url.path", request.url().encodedPath())
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            Response response = chain.proceed(request);
            observation.lowCardinalityKeyValue("status", Integer.toString(response.code()));
            if (request.body() != null && request.body().contentLength() > 0) {
                telemetry.metrics().uploaded(request.body().contentLength());
            }
            return response.newBuilder().body(new CountingBody(response.body(), telemetry.metrics())).build();
        } catch (IOException | RuntimeException | Error e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    /** A response body that adds the bytes read from it to the download counter. */
    private static final class CountingBody extends ResponseBody {
        private final ResponseBody delegate;
        private final BufferedSource source;

        CountingBody(ResponseBody delegate, ClientMetrics metrics) {
            this.delegate = delegate;
            this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                    long n = super.read(sink, byteCount);
                    if (n > 0) {
                        metrics.downloaded(n);
                    }
                    return n;
                }
            });
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
