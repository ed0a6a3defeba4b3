package dev.hubsim.simulator.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hubsim.recordings.RecordedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of ways the mock knowingly differs from real servers, each with its reason: a YAML list of
 * {@link KnownDivergence}. hubsim ships {@value #RESOURCE}; a team may give its own file instead.
 */
public final class KnownDivergences {
    /** The list hubsim ships, on the classpath. */
    public static final String RESOURCE = "/dev/hubsim/simulator/diff/known-divergences.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final CollectionType LIST = YAML.getTypeFactory().constructCollectionType(List.class, KnownDivergence.class);

    private final List<KnownDivergence> entries;

    private KnownDivergences(List<KnownDivergence> entries) {
        Set<String> ids = new HashSet<>();
        for (KnownDivergence entry : entries) {
            if (!ids.add(entry.id())) {
                throw new IllegalArgumentException("known divergence '" + entry.id() + "' is listed twice");
            }
        }
        this.entries = List.copyOf(entries);
    }

    /** None: every divergence is a failure. */
    public static KnownDivergences none() {
        return new KnownDivergences(List.of());
    }

    /** The list hubsim ships. */
    public static KnownDivergences shipped() {
        try (InputStream in = KnownDivergences.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A list from a YAML file; a malformed one is an {@link IllegalArgumentException} naming the file and the problem. */
    public static KnownDivergences load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot read the known-divergences file " + file + ": it does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public List<KnownDivergence> entries() {
        return entries;
    }

    /** The first entry that explains this difference, if any. */
    public Optional<KnownDivergence> explain(String server, RecordedRequest request, Difference difference) {
        return entries.stream().filter(e -> e.explains(server, request, difference)).findFirst();
    }

    private static KnownDivergences parse(InputStream in, String source) throws IOException {
        try {
            List<KnownDivergence> entries = YAML.readValue(in, LIST);
            return new KnownDivergences(entries == null ? List.of() : entries);
        } catch (JsonProcessingException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String location = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new IllegalArgumentException(source + " is not a valid known-divergences list" + location + ": "
                    + (root == e ? e.getOriginalMessage() : root.getMessage()), e);
        }
    }
}
