package dev.hubsim.recordings;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text of {@code interactions.json}, built from pieces so a writer serialises each interaction once:
 * a header with the format and metadata, one indented fragment per interaction, and the closing lines.
 * The output is a pure function of the {@link Recording}: the same recording always gives the same bytes.
 */
final class RecordingDocument {
    private static final String INTERACTION_INDENT = "    ";

    private RecordingDocument() {
    }

    /** The whole document of a recording. */
    static byte[] render(Recording recording) {
        return assemble(header(recording.metadata()),
                recording.interactions().stream().map(RecordingDocument::fragment).toList());
    }

    /** The opening lines up to and including {@code "interactions": [}. */
    static String header(RecordingMetadata metadata) {
        return "{\n  \"format\": " + Recording.FORMAT + ",\n  \"metadata\": " + indent(json(metadata), "  ")
                + ",\n  \"interactions\": [";
    }

    /** One interaction as it appears in the array, indented. */
    static String fragment(Interaction interaction) {
        return INTERACTION_INDENT + indent(json(interaction), INTERACTION_INDENT);
    }

    /** The document from its header and fragments. */
    static byte[] assemble(String header, List<String> fragments) {
        StringBuilder text = new StringBuilder(header.length() + fragments.size() * 1024);
        text.append(header);
        for (int i = 0; i < fragments.size(); i++) {
            text.append(i == 0 ? "\n" : ",\n").append(fragments.get(i));
        }
        text.append(fragments.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String json(Object value) {
        try {
            return RecordingJson.PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** JSON strings escape line breaks, so every newline in serialised JSON is structural. */
    private static String indent(String json, String indent) {
        return json.replace("\n", "\n" + indent);
    }
}
