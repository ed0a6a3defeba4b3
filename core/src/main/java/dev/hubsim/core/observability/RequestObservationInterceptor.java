package dev.hubsim.core.observability;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.resilience.EndpointFamily;
import io.micrometer.observation.Observation;
import java.io.IOException;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The outermost policy: one span per request as the caller sees it, retries included ({@code docker.request}; for
 * the auth family {@code docker.auth.login} on the Hub's login paths, else {@code docker.auth.get_token}), kept in
 * scope so the inner policies' spans nest under it; and the request timer and error counter of
 * {@link ClientMetrics}.
 */
public final class RequestObservationInterceptor implements Interceptor {
    private static final Set<String> LOGIN_PATHS = Set.of("/v2/users/login", "/v2/users/2fa-login", "/v2/auth/token");

    private final EndpointFamily family;
    private final ClientTelemetry telemetry;
    private final ObjectMapper json;

    public RequestObservationInterceptor(EndpointFamily family, ClientTelemetry telemetry, ObjectMapper json) {
        this.family = family;
        this.telemetry = telemetry;
        this.json = json;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Observation observation = Observation.createNotStarted(spanName(request), telemetry.observations())
                .lowCardinalityKeyValue("family", family.tag())
                .lowCardinalityKeyValue("method", request.method())
                .highCardinalityKeyValue("url.path", request.url().encodedPath())
                .start();
        long start = System.nanoTime();
        try (Observation.Scope scope = observation.openScope()) {
            Response response = chain.proceed(request);
            String status = Integer.toString(response.code());
            observation.lowCardinalityKeyValue("status", status);
            telemetry.metrics().requestCompleted(family, request.method(), status, System.nanoTime() - start);
            if (response.code() >= 400) {
                telemetry.metrics().failed(family, ErrorCodes.of(response, json));
            }
            return response;
        } catch (IOException | RuntimeException | Error e) {
            observation.error(e);
            String code = ErrorCodes.of(e);
            telemetry.metrics().requestCompleted(family, request.method(), code, System.nanoTime() - start);
            telemetry.metrics().failed(family, code);
            throw e;
        } finally {
            observation.stop();
        }
    }

    private String spanName(Request request) {
        if (family != EndpointFamily.AUTH) {
            return DockerSpans.REQUEST;
        }
        return LOGIN_PATHS.contains(request.url().encodedPath()) ? DockerSpans.AUTH_LOGIN : DockerSpans.AUTH_GET_TOKEN;
    }
}
