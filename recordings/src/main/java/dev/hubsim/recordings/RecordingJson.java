package dev.hubsim.recordings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.hubsim.core.reference.Digest;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** The one Jackson configuration for recordings: strict on read, stable and pretty on write. */
final class RecordingJson {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("hubsim-recordings")
                    .addSerializer(Digest.class, new ToString<>())
                    .addDeserializer(Digest.class, new Parsed<>(Digest::parse))
                    .addSerializer(Instant.class, new ToString<>())
                    .addDeserializer(Instant.class, new Parsed<>(RecordingJson::instant)))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Two-space indentation, {@code "name": value}, one line per field, arrays of scalars kept on one line. */
    static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    static final ObjectReader RECORDING = MAPPER.readerFor(Recording.class);

    private RecordingJson() {
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant such as 2025-01-31T12:00:00Z");
        }
    }

    private static final class ToString<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class Parsed<T> extends JsonDeserializer<T> {
        private final Function<String, T> parser;

        Parsed(Function<String, T> parser) {
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text == null) {
                return context.reportInputMismatch(this, "expected a string");
            }
            try {
                return this.parser.apply(text);
            } catch (RuntimeException e) {
                return context.reportInputMismatch(this, e.getMessage());
            }
        }
    }
}
