package dev.hubsim.recordings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replaces the values of {@link SecretFields} in small JSON and form bodies by placeholders. JSON is edited as text
 * wherever the value appears verbatim, so the rest of the bytes (formatting, key order) stay as the server sent them;
 * it is re-serialised only in the rare case of a secret written with escapes. Bodies without secrets are untouched.
 */
final class BodyScrubber {
    private static final String FORM = "application/x-www-form-urlencoded";

    private final Placeholders placeholders;

    BodyScrubber(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    /** The text with secrets replaced, or the same text when it holds none or is neither JSON nor a form. */
    String scrub(String text, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith(FORM)) {
            return scrubForm(text);
        }
        String trimmed = text.stripLeading();
        if (type.contains("json") || trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return scrubJson(text);
        }
        return text;
    }

    private String scrubForm(String text) {
        List<String> fields = new ArrayList<>();
        for (String field : text.split("&", -1)) {
            int equals = field.indexOf('=');
            String kind = equals < 0 ? null : SecretFields.kindOf(URLDecoder.decode(field.substring(0, equals),
                    StandardCharsets.UTF_8));
            if (kind == null) {
                fields.add(field);
            } else {
                String secret = URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8);
                fields.add(field.substring(0, equals + 1)
                        + URLEncoder.encode(placeholders.of(kind, secret), StandardCharsets.UTF_8));
            }
        }
        return String.join("&", fields);
    }

    private String scrubJson(String text) {
        JsonNode tree;
        try {
            tree = RecordingJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return text;
        }
        Map<String, String> replacements = new LinkedHashMap<>();
        collect(tree, replacements);
        if (replacements.isEmpty()) {
            return text;
        }
        String scrubbed = text;
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            scrubbed = scrubbed.replace(quoted(replacement.getKey()), quoted(replacement.getValue()));
        }
        if (holdsAny(scrubbed, replacements)) {
            replace(tree, replacements);
            scrubbed = tree.toString();
        }
        return scrubbed;
    }

    /** Finds the secret string values (secret -> placeholder) anywhere in the tree. */
    private void collect(JsonNode node, Map<String, String> replacements) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String kind = SecretFields.kindOf(field.getKey());
                if (kind != null && field.getValue().isTextual()) {
                    String secret = field.getValue().textValue();
                    String placeholder = placeholders.of(kind, secret);
                    if (!placeholder.equals(secret)) {
                        replacements.put(secret, placeholder);
                    }
                } else {
                    collect(field.getValue(), replacements);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, replacements));
        }
    }

    private static void replace(JsonNode node, Map<String, String> replacements) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode value = object.get(name);
                if (value.isTextual() && replacements.containsKey(value.textValue())) {
                    object.set(name, TextNode.valueOf(replacements.get(value.textValue())));
                } else {
                    replace(value, replacements);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> replace(element, replacements));
        }
    }

    private static boolean holdsAny(String json, Map<String, String> replacements) {
        try {
            return containsAny(RecordingJson.MAPPER.readTree(json), replacements);
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    private static boolean containsAny(JsonNode node, Map<String, String> secrets) {
        if (node.isTextual()) {
            return secrets.containsKey(node.textValue());
        }
        for (JsonNode child : node) {
            if (containsAny(child, secrets)) {
                return true;
            }
        }
        return false;
    }

    private static String quoted(String value) {
        try {
            return RecordingJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }
}
