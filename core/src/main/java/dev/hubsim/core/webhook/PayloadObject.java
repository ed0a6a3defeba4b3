package dev.hubsim.core.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A JSON object of a webhook payload, read field by field: each reader checks presence and type and fails with
 * {@link InvalidWebhookPayloadException} naming the field's JSON path.
 */
final class PayloadObject {
    private final JsonNode node;
    private final String path;

    private PayloadObject(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The payload's top-level object. */
    static PayloadObject root(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidWebhookPayloadException("(body)", "must be a JSON object");
        }
        return new PayloadObject(node, "");
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** A nested object that must be there. */
    PayloadObject object(String field) {
        JsonNode value = required(field);
        if (!value.isObject()) {
            throw invalid(field, "must be a JSON object");
        }
        return new PayloadObject(value, path(field) + ".");
    }

    /** A string that must be there and not blank. */
    String text(String field) {
        String value = optionalText(field);
        if (value == null) {
            throw invalid(field, "missing");
        }
        if (value.isBlank()) {
            throw invalid(field, "must not be empty");
        }
        return value;
    }

    /** A string, or null when absent. */
    String optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field, "must be a string, got " + kind(value));
        }
        return value.textValue();
    }

    /** Unix seconds (Docker Hub sends integers; older payloads floats such as {@code 1.417566161e+09}); required. */
    Instant epochSeconds(String field) {
        JsonNode value = required(field);
        if (!value.isNumber() || value.asDouble() < 0 || !Double.isFinite(value.asDouble())) {
            throw invalid(field, "must be a non-negative number of seconds since 1970, got " + kind(value));
        }
        return Instant.ofEpochMilli(Math.round(value.asDouble() * 1000));
    }

    /** Unix seconds, or null when absent. */
    Instant optionalEpochSeconds(String field) {
        return has(field) ? epochSeconds(field) : null;
    }

    /** A non-negative whole number, 0 when absent. */
    long count(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToExactIntegral() || value.asLong() < 0) {
            throw invalid(field, "must be a non-negative whole number, got " + kind(value));
        }
        return value.asLong();
    }

    /** A non-negative whole number that must be there. */
    long requiredCount(String field) {
        required(field);
        return count(field);
    }

    /** A boolean, false when absent. */
    boolean flag(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw invalid(field, "must be true or false, got " + kind(value));
        }
        return value.booleanValue();
    }

    /** An absolute http(s) URL, or null when absent. */
    URI optionalUrl(String field) {
        String text = optionalText(field);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid(field, "must be an absolute http(s) URL");
    }

    /** An array of strings, each checked. */
    List<String> texts(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid(field, "must be a list of strings, got " + kind(value));
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw invalid(field + "[" + i + "]", "must be a string, got " + kind(value.get(i)));
            }
            texts.add(value.get(i).textValue());
        }
        return texts;
    }

    /** The field's JSON path from the payload's root. */
    String path(String field) {
        return path + field;
    }

    InvalidWebhookPayloadException invalid(String field, String problem) {
        return new InvalidWebhookPayloadException(path(field), problem);
    }

    private JsonNode required(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid(field, "missing");
        }
        return value;
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> value.asText().length() <= 20 ? "the number " + value.asText() : "a number";
            case BOOLEAN -> value.asText();
            case ARRAY -> "a list";
            case OBJECT, POJO -> "an object";
            default -> "null";
        };
    }
}
