package dev.hubsim.core.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.InvalidDigestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads manifest bytes into a {@link Manifest}, field by field from the JSON tree, so that every failure names
 * its JSON path. Duplicate keys are refused: two readers must never see two different manifests in one body.
 */
final class ManifestParser {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ManifestParser() {
    }

    static Manifest parse(byte[] bytes, String contentType) {
        JsonNode root = readTree(bytes);
        if (root.isMissingNode()) {
            throw new InvalidManifestException("manifest is empty");
        }
        if (!root.isObject()) {
            throw new InvalidManifestException("manifest must be a JSON object, got " + root.getNodeType());
        }
        checkSchemaVersion(root.get("schemaVersion"));
        String mediaType = mediaType(root, contentType);
        boolean index = MediaTypes.isIndex(mediaType);
        if (index) {
            refuse(root, "config", mediaType);
            refuse(root, "layers", mediaType);
            requirePresent(root, "manifests", mediaType);
        } else {
            refuse(root, "manifests", mediaType);
            requirePresent(root, "config", mediaType);
            requirePresent(root, "layers", mediaType);
        }
        return new Manifest(2, mediaType, optionalString(root, "artifactType", "artifactType"),
                index ? null : descriptor(root.get("config"), "config"),
                descriptors(root, "layers"),
                descriptors(root, "manifests"),
                root.hasNonNull("subject") ? descriptor(root.get("subject"), "subject") : null,
                stringMap(root.get("annotations"), "annotations"));
    }

    private static JsonNode readTree(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new InvalidManifestException("manifest is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidManifestException("manifest could not be read: " + e.getMessage(), e);
        }
    }

    private static void checkSchemaVersion(JsonNode version) {
        if (version == null || !version.isIntegralNumber()) {
            throw new InvalidManifestException("schemaVersion must be the number 2, got " + version);
        }
        if (version.asLong() == 1) {
            throw new InvalidManifestException("schemaVersion 1 is refused: Docker Hub no longer accepts schema 1 "
                    + "manifests (since 2024-11-04); push a schema 2 or OCI manifest");
        }
        if (version.asLong() != 2) {
            throw new InvalidManifestException("schemaVersion must be 2, got " + version);
        }
    }

    /** The field, else a manifest-type content type, else inferred from the shape; field and header must agree. */
    private static String mediaType(JsonNode root, String contentType) {
        String field = optionalString(root, "mediaType", "mediaType");
        String header = contentType == null ? null : contentType.split(";", 2)[0].trim();
        boolean headerIsManifest = MediaTypes.isManifest(header);
        if (field != null && headerIsManifest && !field.equals(header)) {
            throw new InvalidManifestException("mediaType \"" + field + "\" does not match Content-Type \"" + header + "\"");
        }
        String mediaType = field != null ? field : headerIsManifest ? header : inferred(root);
        if (!MediaTypes.isManifest(mediaType)) {
            throw new InvalidManifestException("mediaType \"" + mediaType + "\" is not a supported manifest type "
                    + MediaTypes.MANIFESTS);
        }
        return mediaType;
    }

    private static String inferred(JsonNode root) {
        if (root.has("manifests")) {
            return MediaTypes.OCI_INDEX;
        }
        if (root.has("config")) {
            return MediaTypes.OCI_MANIFEST;
        }
        throw new InvalidManifestException("manifest type unknown: no mediaType field, no manifest Content-Type, "
                + "and neither config nor manifests");
    }

    private static void requirePresent(JsonNode root, String field, String mediaType) {
        if (!root.hasNonNull(field)) {
            throw new InvalidManifestException(field + " is required in a " + mediaType);
        }
    }

    private static void refuse(JsonNode root, String field, String mediaType) {
        if (root.has(field)) {
            throw new InvalidManifestException(field + " is not allowed in a " + mediaType);
        }
    }

    private static List<Descriptor> descriptors(JsonNode root, String field) {
        JsonNode array = root.get(field);
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new InvalidManifestException(field + " must be an array");
        }
        List<Descriptor> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            result.add(descriptor(array.get(i), field + "[" + i + "]"));
        }
        return result;
    }

    private static Descriptor descriptor(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new InvalidManifestException(path + " must be a descriptor object");
        }
        String mediaType = optionalString(node, "mediaType", path + ".mediaType");
        if (mediaType == null || mediaType.isEmpty()) {
            throw new InvalidManifestException(path + ".mediaType is required");
        }
        return new Descriptor(mediaType, digest(node, path + ".digest"), size(node.get("size"), path + ".size"),
                stringList(node.get("urls"), path + ".urls"),
                stringMap(node.get("annotations"), path + ".annotations"),
                node.hasNonNull("platform") ? platform(node.get("platform"), path + ".platform") : null,
                optionalString(node, "artifactType", path + ".artifactType"));
    }

    private static Digest digest(JsonNode node, String path) {
        String text = optionalString(node, "digest", path);
        if (text == null) {
            throw new InvalidManifestException(path + " is required");
        }
        try {
            return Digest.parse(text);
        } catch (InvalidDigestException e) {
            throw new InvalidManifestException(path + " is invalid: " + e.getMessage(), e);
        }
    }

    private static long size(JsonNode size, String path) {
        if (size == null || !size.isIntegralNumber() || !size.canConvertToLong()) {
            throw new InvalidManifestException(path + " must be an integer, got " + size);
        }
        if (size.asLong() < 0) {
            throw new InvalidManifestException(path + " must be >= 0, got " + size.asLong());
        }
        return size.asLong();
    }

    private static Platform platform(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new InvalidManifestException(path + " must be an object");
        }
        String architecture = optionalString(node, "architecture", path + ".architecture");
        String os = optionalString(node, "os", path + ".os");
        if (architecture == null || os == null) {
            throw new InvalidManifestException(path + " needs both os and architecture");
        }
        return new Platform(architecture, os, optionalString(node, "variant", path + ".variant"),
                optionalString(node, "os.version", path + ".os.version"),
                stringList(node.get("os.features"), path + ".os.features"));
    }

    private static String optionalString(JsonNode object, String field, String path) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidManifestException(path + " must be a string, got " + value.getNodeType());
        }
        return value.textValue();
    }

    private static List<String> stringList(JsonNode array, String path) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new InvalidManifestException(path + " must be an array of strings");
        }
        List<String> result = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw new InvalidManifestException(path + " must contain only strings");
            }
            result.add(item.textValue());
        }
        return result;
    }

    private static Map<String, String> stringMap(JsonNode object, String path) {
        if (object == null || object.isNull()) {
            return Map.of();
        }
        if (!object.isObject()) {
            throw new InvalidManifestException(path + " must be an object of strings");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new InvalidManifestException(path + "." + entry.getKey() + " must be a string");
            }
            result.put(entry.getKey(), entry.getValue().textValue());
        }
        return result;
    }
}
