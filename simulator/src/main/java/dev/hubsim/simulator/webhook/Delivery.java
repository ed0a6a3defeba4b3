package dev.hubsim.simulator.webhook;

import java.time.Instant;

/**
 * One attempt to deliver a webhook, as the delivery log shows it.
 *
 * @param status the receiver's HTTP status; null when no answer came (see {@code error})
 * @param error why the attempt got no answer (connection refused, timeout); null when it got one
 * @param delivered true when the status was 2xx
 */
public record Delivery(String webhook, String repository, String tag, int attempt, Integer status, String error,
                       boolean delivered, Instant time) {
}
