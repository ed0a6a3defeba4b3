package dev.hubsim.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.auth.RequiredAccess;
import dev.hubsim.core.config.Endpoints;
import dev.hubsim.core.error.AuthenticationException;
import dev.hubsim.core.error.DockerHubException;
import dev.hubsim.core.error.ProtocolViolationException;
import dev.hubsim.core.error.RateLimitException;
import dev.hubsim.core.error.RegistryError;
import dev.hubsim.core.error.RegistryErrorException;
import dev.hubsim.core.error.TransportException;
import dev.hubsim.core.observability.ClientTelemetry;
import dev.hubsim.core.resilience.RetryAfter;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one place registry requests go through: builds {@code /v2/} URLs, tags each request with what it needs
 * (the auth interceptor reads it), turns I/O failures into {@link TransportException} and error answers into the
 * right {@link DockerHubException} (429 becomes a {@link RateLimitException} with the {@code Retry-After} wait).
 */
final class RegistryCaller {
    private static final long ERROR_BODY_LIMIT = 64 * 1024;

    private final OkHttpClient http;
    private final HttpUrl base;
    private final ObjectMapper json;
    private final ClientTelemetry telemetry;
    private final Clock clock;

    RegistryCaller(OkHttpClient http, HttpUrl base, ObjectMapper json, ClientTelemetry telemetry, Clock clock) {
        this.http = http;
        this.base = base;
        this.json = json;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /** Where operations report their spans and counts. */
    ClientTelemetry telemetry() {
        return telemetry;
    }

    ObjectMapper json() {
        return json;
    }

    /** {@code <registry>/v2/<repository>/<path segments...>}. */
    HttpUrl.Builder url(String repository, String... segments) {
        HttpUrl.Builder url = base.newBuilder().addPathSegment("v2").addPathSegments(repository);
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url;
    }

    /** Sends the request; the caller closes the response. */
    Response call(Request.Builder request, RequiredAccess access) {
        try {
            return http.newCall(request.tag(RequiredAccess.class, access).build()).execute();
        } catch (IOException e) {
            throw new TransportException(access.operation(), access.target(), e);
        }
    }

    /** The exception for an answer the operation did not expect; closes the response. */
    DockerHubException failure(Response response, RequiredAccess access) {
        try (response) {
            int status = response.code();
            List<RegistryError> errors = errors(response);
            if (status == 401) {
                String detail = errors == null || errors.isEmpty() ? "" : ": " + errors.get(0);
                return new AuthenticationException(access.operation(), access.target(), 401,
                        "the registry refused the request as unauthenticated (HTTP 401)" + detail);
            }
            if (status == 429) {
                String detail = errors == null ? "" : " " + errors.stream().map(RegistryError::toString)
                        .collect(Collectors.joining(", "));
                return new RateLimitException(access.operation(), access.target(), 429,
                        RetryAfter.of(response, clock.instant()).orElse(null), "HTTP 429" + detail);
            }
            if (errors == null) {
                return new ProtocolViolationException(access.operation(), access.target(), status,
                        "the registry answered an error without a JSON error body");
            }
            return new RegistryErrorException(access.operation(), access.target(), status, errors);
        }
    }

    /**
     * The URL a {@code Location} header points to, resolved against the request (relative or absolute).
     * A missing, unparsable or non-http(s) value is a protocol violation.
     */
    HttpUrl location(Response response, RequiredAccess access) {
        String location = response.header("Location");
        if (location == null || location.isBlank()) {
            throw protocol(response, access, "the answer has no Location header");
        }
        HttpUrl resolved = response.request().url().resolve(location.trim());
        if (resolved == null) {
            throw protocol(response, access, "the Location header '" + abbreviate(location) + "' is not a valid URL");
        }
        if (!Endpoints.isHttpsOrLoopback(resolved)) {
            throw protocol(response, access, "the Location header '" + abbreviate(location)
                    + "' points to plain http on a host that is not loopback");
        }
        return resolved;
    }

    /** A protocol violation about this answer; closes it. */
    ProtocolViolationException protocol(Response response, RequiredAccess access, String problem) {
        response.close();
        return new ProtocolViolationException(access.operation(), access.target(), response.code(), problem);
    }

    /** The {@code errors} of a JSON error body; one "no error body" entry for an empty body (HEAD); null when not JSON. */
    private List<RegistryError> errors(Response response) {
        String body;
        try {
            body = response.peekBody(ERROR_BODY_LIMIT).string();
        } catch (IOException e) {
            return null;
        }
        if (body.isBlank()) {
            return List.of(new RegistryError("", "no error body", ""));
        }
        try {
            JsonNode root = json.readTree(body);
            JsonNode array = root == null ? null : root.get("errors");
            if (array == null || !array.isArray()) {
                return null;
            }
            List<RegistryError> errors = new ArrayList<>();
            for (JsonNode error : array) {
                JsonNode detail = error.get("detail");
                errors.add(new RegistryError(error.path("code").asText(""), error.path("message").asText(""),
                        detail == null || detail.isNull() ? "" : detail.toString()));
            }
            return errors.isEmpty() ? null : errors;
        } catch (IOException e) {
            return null;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
