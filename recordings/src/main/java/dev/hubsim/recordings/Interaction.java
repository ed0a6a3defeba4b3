package dev.hubsim.recordings;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/** One request and the response it got. */
@JsonPropertyOrder({"request", "response"})
public record Interaction(RecordedRequest request, RecordedResponse response) {

    public Interaction {
        Objects.requireNonNull(request, "interaction request is missing");
        Objects.requireNonNull(response, "interaction response is missing");
    }

    @Override
    public String toString() {
        return request + " -> " + response.status();
    }
}
