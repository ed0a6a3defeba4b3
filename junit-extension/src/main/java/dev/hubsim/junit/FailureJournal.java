package dev.hubsim.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hubsim.simulator.journal.JournalEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Keeps the journal of a failed test as {@code <directory>/<test class>/<test method>-journal.json} (metadata only:
 * the journal holds no bodies, headers or secrets).
 */
final class FailureJournal {
    /** Where journals of failed tests go unless the configuration parameter {@value #DIRECTORY_PROPERTY} says. */
    static final Path DEFAULT_DIRECTORY = Path.of("target", "hubsim");
    static final String DIRECTORY_PROPERTY = "hubsim.journal.dir";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private FailureJournal() {
    }

    /** Writes the entries and returns the file's absolute path. */
    static Path write(Path directory, String testClass, String testName, List<JournalEntry> entries) {
        Path file = directory.resolve(safe(testClass)).resolve(safe(testName) + "-journal.json").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), Map.of("test", testClass + "." + testName, "count", entries.size(),
                    "entries", entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal of " + testClass + "." + testName + " to " + file, e);
        }
        return file;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Added to a failure as a suppressed exception, so the failure output says where the journal is. */
    static final class Kept extends Exception {
        Kept(Path file, int count) {
            super("hubsim kept the journal of this test (" + count + " requests) in " + file, null, false, false);
        }
    }
}
