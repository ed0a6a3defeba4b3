package dev.hubsim.simulator.hubapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hubsim.simulator.testing.Reply;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Docker's Hub API description ({@code hubapi/hub-openapi.yaml}) with the live service's known differences applied
 * from {@code hubapi/hub-openapi-live.yaml}, the one list of them, and a validator of answers against it
 * (Atlassian's swagger-request-validator). Built once; thread-safe.
 */
final class HubApiSpec {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final HubApiSpec INSTANCE = new HubApiSpec();

    private final OpenApiInteractionValidator validator;

    private HubApiSpec() {
        ObjectNode spec = (ObjectNode) read("hubapi/hub-openapi.yaml");
        for (JsonNode entry : read("hubapi/hub-openapi-live.yaml")) {
            if (!entry.hasNonNull("reason")) {
                throw new IllegalStateException("every difference from the spec needs a reason: " + entry.get("pointer"));
            }
            set(spec, split(entry.get("pointer").asText()), entry.get("value"));
        }
        // Docker's file has defects of its own that the parser reports (a `required` that is no list, responses
        // without description, an undeclared path parameter); the validator refuses any spec with messages, so the
        // spec is parsed here and handed over as a model, defects and all.
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        // The validator refuses properties a schema does not name (stricter than OpenAPI, on purpose: every field
        // beyond the spec is then listed in the overlay); merging allOf keeps that working for composed schemas.
        options.setResolveFully(true);
        options.setResolveCombinators(true);
        OpenAPI api;
        try {
            api = new OpenAPIParser().readContents(YAML.writeValueAsString(spec), null, options).getOpenAPI();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        validator = OpenApiInteractionValidator.createFor(api).build();
    }

    /** Fails with the validator's report unless the answer fits the (amended) spec. */
    void check(Reply reply) {
        String path = URI.create(reply.target()).getPath();
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
        reply.headers().map().forEach((name, values) -> response.withHeader(name, values));
        if (reply.body().length > 0) {
            response.withBody(reply.text());
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(reply.method()
                .toUpperCase(Locale.ROOT)), response.build());
        if (report.hasErrors()) {
            throw new AssertionError("the answer does not fit hub-openapi.yaml (+ hub-openapi-live.yaml):\n"
                    + report.getMessages().stream().map(Object::toString).reduce((a, b) -> a + "\n" + b).orElse("")
                    + "\n" + reply);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = HubApiSpec.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String pointer) {
        List<String> segments = new ArrayList<>();
        for (JsonPointer p = JsonPointer.compile(pointer); !p.matches(); p = p.tail()) {
            segments.add(p.getMatchingProperty());
        }
        return segments;
    }

    /**
     * Sets (or removes, for a null value) the node at the path. A {@code *} segment stands for every object member
     * and never creates anything; other missing segments are created.
     */
    private static void set(ObjectNode node, List<String> path, JsonNode value) {
        String head = path.get(0);
        List<String> rest = path.subList(1, path.size());
        if ("*".equals(head)) {
            List<String> members = new ArrayList<>();
            node.fieldNames().forEachRemaining(members::add);
            for (String member : members) {
                if (rest.isEmpty()) {
                    set(node, List.of(member), value);
                } else if (node.get(member) instanceof ObjectNode child) {
                    setExisting(child, rest, value);
                }
            }
            return;
        }
        if (rest.isEmpty()) {
            if (value == null || value.isNull()) {
                node.remove(head);
            } else {
                node.set(head, value.deepCopy());
            }
            return;
        }
        JsonNode child = node.get(head);
        set(child instanceof ObjectNode object ? object : node.putObject(head), rest, value);
    }

    /** As {@link #set} below a wildcard: only where the parent of the last segment exists. */
    private static void setExisting(ObjectNode node, List<String> path, JsonNode value) {
        if (path.size() == 1 || "*".equals(path.get(0))) {
            set(node, path, value);
        } else if (node.get(path.get(0)) instanceof ObjectNode child) {
            setExisting(child, path.subList(1, path.size()), value);
        }
    }
}
