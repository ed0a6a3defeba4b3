package dev.hubsim.core.webhook;

/**
 * A webhook payload that is not one this handler accepts: the message names the field (a JSON path such as
 * {@code push_data.tag}, or {@code (body)} for the whole) and what is wrong with it.
 */
public final class InvalidWebhookPayloadException extends RuntimeException {
    private final String field;
    private final String problem;

    public InvalidWebhookPayloadException(String field, String problem) {
        super("invalid Docker Hub webhook payload: " + field + ": " + problem, null, false, false);
        this.field = field;
        this.problem = problem;
    }

    /** The JSON path of the offending field, e.g. {@code repository.repo_name}. */
    public String field() {
        return field;
    }

    /** What is wrong with it, e.g. {@code missing} or {@code must be a string}. */
    public String problem() {
        return problem;
    }
}
