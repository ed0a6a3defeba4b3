package dev.hubsim.simulator.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A receiver's validation POST to a payload's {@code callback_url} (Docker Hub's legacy webhook-chain flow):
 * {@code state} is success, failure or error.
 */
public record Callback(@JsonProperty("hook_id") String hookId, String repository, String tag, String state,
                       String description, String context, @JsonProperty("target_url") String targetUrl, Instant time) {
}
