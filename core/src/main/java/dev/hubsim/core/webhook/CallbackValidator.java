package dev.hubsim.core.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.config.Endpoints;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Answers a payload's {@code callback_url} as Docker Hub's legacy webhook chains expected (reference §6):
 * {@code POST {"state": "success"|"failure", "description", "context"}}. Docker removed this from its documentation
 * in 2024 and calls {@code callback_url} legacy and unsupported; the simulator still accepts such callbacks. Only
 * https URLs, or http to a loopback address, are called.
 */
public final class CallbackValidator {
    /** Does not answer callbacks. */
    public static final CallbackValidator NONE = new CallbackValidator(null, null);
    private static final System.Logger LOG = System.getLogger(CallbackValidator.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final String context;

    private CallbackValidator(HttpClient http, String context) {
        this.http = http;
        this.context = context;
    }

    /**
     * Answers callbacks with {@code context} (at most 100 characters, Docker Hub's limit), e.g. the application's name.
     */
    public static CallbackValidator answering(String context) {
        if (context == null || context.isBlank() || context.length() > 100) {
            throw new IllegalArgumentException("the context must be 1 to 100 characters");
        }
        return new CallbackValidator(HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), context);
    }

    /** Reports the outcome of an event to its callback URL, if it has one and this validator answers callbacks. */
    void report(WebhookEvent event, boolean processed) {
        if (http == null || event.callbackUrl().isEmpty()) {
            return;
        }
        URI url = event.callbackUrl().get();
        HttpUrl parsed = HttpUrl.get(url);
        if (parsed == null || !Endpoints.isHttpsOrLoopback(parsed)) {
            LOG.log(System.Logger.Level.WARNING, "not answering callback_url " + url
                    + ": only https, or http to a loopback address");
            return;
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("state", processed ? "success" : "failure");
        body.put("description", (processed ? "processed " : "failed to process ") + event.repository().repoName()
                + ":" + event.tag());
        body.put("context", context);
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                LOG.log(System.Logger.Level.WARNING, "callback_url " + url + " answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot reach callback_url " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
