package dev.hubsim.simulator.fault;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.core.error.RegistryErrorCode;

import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fault rule in JSON (and YAML, in the seed file), as the admin API takes and shows it:
 * <pre>{@code
 * {"id": "flaky-blobs", "method": "GET", "path": "/v2/**}{@code /blobs/*", "repository": "library/*",
 *  "operation": "blob-get", "times": 2, "after": 1, "probability": 0.5, "seed": 42,
 *  "action": {"type": "respond", "status": 503, "code": "UNAVAILABLE", "message": "try later", "retryAfter": 5}}
 * }</pre>
 * Every field but {@code action} is optional. Actions: {@code respond} (status, code, message, retryAfter seconds),
 * {@code latency} (delay, ISO-8601 such as {@code PT2S}), {@code reset} (afterBytes), {@code throttle}
 * (bytesPerSecond), {@code truncate} (afterBytes), {@code digest-mismatch}. A bad rule is an
 * {@link IllegalArgumentException} whose message names the field and what it allows.
 */
public final class FaultRuleJson {
    private static final Set<String> RULE_FIELDS = Set.of("id", "method", "path", "repository", "operation", "times",
            "after", "probability", "seed", "action");
    private static final Map<String, Set<String>> ACTION_FIELDS = Map.of(
            "respond", Set.of("type", "status", "code", "message", "retryAfter"),
            "latency", Set.of("type", "delay"),
            "reset", Set.of("type", "afterBytes"),
            "throttle", Set.of("type", "bytesPerSecond"),
            "truncate", Set.of("type", "afterBytes"),
            "digest-mismatch", Set.of("type"));
    private static final String ACTION_TYPES = "respond, latency, reset, throttle, truncate, digest-mismatch";

    private FaultRuleJson() {
    }

    /** Reads a rule; the message of a bad one names the field. */
    public static FaultRule parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a fault rule is a JSON object with at least an \"action\"");
        }
        checkFields(json, RULE_FIELDS, "");
        String operationName = text(json, "operation");
        Operation operation = operationName == null ? null : Operation.byWireName(operationName)
                .orElseThrow(() -> new IllegalArgumentException("operation '" + operationName + "' is unknown: use one of "
                        + Operation.wireNames()));
        Long times = integer(json, "times");
        Long after = integer(json, "after");
        JsonNode probability = json.get("probability");
        if (probability != null && !probability.isNumber()) {
            throw new IllegalArgumentException("probability must be a number more than 0 and at most 1");
        }
        Long seed = integer(json, "seed");
        if (!json.has("action")) {
            throw new IllegalArgumentException("action is required: {\"type\": one of " + ACTION_TYPES + ", ...}");
        }
        return new FaultRule(text(json, "id"), text(json, "method"), glob(json, "path"), glob(json, "repository"),
                operation, times == null ? null : toInt("times", times), after == null ? 0 : toInt("after", after),
                probability == null ? 1 : probability.asDouble(), seed == null ? 0 : seed, action(json.get("action")));
    }

    private static FaultAction action(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("action must be an object: {\"type\": one of " + ACTION_TYPES + ", ...}");
        }
        String type = text(json, "type", "action.");
        if (type == null || !ACTION_FIELDS.containsKey(type)) {
            throw new IllegalArgumentException("action.type must be one of " + ACTION_TYPES
                    + (type == null ? "" : ", got '" + type + "'"));
        }
        checkFields(json, ACTION_FIELDS.get(type), "action.");
        return switch (type) {
            case "respond" -> respond(json);
            case "latency" -> new FaultAction.Latency(duration(json));
            case "reset" -> new FaultAction.Reset(orZero(integer(json, "afterBytes", "action.")));
            case "throttle" -> new FaultAction.Throttle(required(integer(json, "bytesPerSecond", "action."),
                    "action.bytesPerSecond"));
            case "truncate" -> new FaultAction.Truncate(required(integer(json, "afterBytes", "action."),
                    "action.afterBytes"));
            default -> new FaultAction.DigestMismatch();
        };
    }

    private static FaultAction.Respond respond(JsonNode json) {
        String codeName = required(text(json, "code", "action."), "action.code");
        RegistryErrorCode code = RegistryErrorCode.byName(codeName).orElseThrow(() -> new IllegalArgumentException(
                "action.code '" + codeName + "' is not a registry error code: use one of "
                        + List.of(RegistryErrorCode.values())));
        Long status = integer(json, "status", "action.");
        Long retryAfter = integer(json, "retryAfter", "action.");
        return new FaultAction.Respond(status == null ? code.httpStatus() : toInt("action.status", status), code,
                text(json, "message", "action."), retryAfter == null ? null : Duration.ofSeconds(retryAfter));
    }

    private static Duration duration(JsonNode json) {
        String text = required(text(json, "delay", "action."), "action.delay");
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("action.delay '" + text
                    + "' is not an ISO-8601 duration such as PT2S or PT0.5S");
        }
    }

    /** The rule as JSON, with its counts. */
    public static Map<String, Object> toJson(FaultStatus status) {
        FaultRule rule = status.rule();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", rule.id());
        json.put("method", rule.method());
        json.put("path", rule.path() == null ? null : rule.path().toString());
        json.put("repository", rule.repository() == null ? null : rule.repository().toString());
        json.put("operation", rule.operation() == null ? null : rule.operation().wireName());
        json.put("times", rule.times());
        json.put("after", rule.after());
        json.put("probability", rule.probability());
        json.put("seed", rule.seed());
        json.put("action", toJson(rule.action()));
        json.put("matches", status.matches());
        json.put("fired", status.fired());
        return json;
    }

    private static Map<String, Object> toJson(FaultAction action) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", action.type());
        if (action instanceof FaultAction.Respond respond) {
            json.put("status", respond.status());
            json.put("code", respond.code().name());
            json.put("message", respond.message());
            json.put("retryAfter", respond.retryAfter() == null ? null : respond.retryAfter().toSeconds());
        } else if (action instanceof FaultAction.Latency latency) {
            json.put("delay", latency.delay().toString());
        } else if (action instanceof FaultAction.Reset reset) {
            json.put("afterBytes", reset.afterBytes());
        } else if (action instanceof FaultAction.Throttle throttle) {
            json.put("bytesPerSecond", throttle.bytesPerSecond());
        } else if (action instanceof FaultAction.Truncate truncate) {
            json.put("afterBytes", truncate.afterBytes());
        }
        return json;
    }

    private static void checkFields(JsonNode json, Set<String> allowed, String prefix) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + prefix + name + "': allowed are "
                        + allowed.stream().sorted().map(f -> prefix + f).toList());
            }
        }
    }

    private static String text(JsonNode json, String field) {
        return text(json, field, "");
    }

    private static String text(JsonNode json, String field, String prefix) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(prefix + field + " must be a string");
        }
        return value.asText();
    }

    private static Glob glob(JsonNode json, String field) {
        String text = text(json, field);
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty: leave it out to match any");
        }
        return Glob.of(text);
    }

    private static Long integer(JsonNode json, String field) {
        return integer(json, field, "");
    }

    private static Long integer(JsonNode json, String field, String prefix) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(prefix + field + " must be a whole number");
        }
        return value.asLong();
    }

    private static int toInt(String field, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " is out of range: " + value);
        }
        return (int) value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** Reads rules in the seed file; a bad one fails the load with the field's path and the rule's problem. */
    public static final class Deserializer extends JsonDeserializer<FaultRule> {
        @Override
        public FaultRule deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode json = parser.readValueAsTree();
            try {
                return parse(json);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(parser, e.getMessage());
            }
        }
    }
}
