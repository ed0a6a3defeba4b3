package dev.hubsim.simulator.diff;

import dev.hubsim.recordings.RecordingReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hubsim diff} on every recording shipped in {@code recordings/shipped/}: the mock answers as the recorded
 * server did, except where {@code known-divergences.yaml} says why. The report is printed, so CI shows it.
 */
class ShippedRecordingsDiffTest {
    private static final Path SHIPPED = Path.of("..", "recordings", "shipped");

    static List<Path> shippedRecordings() throws IOException {
        try (Stream<Path> entries = Files.list(SHIPPED)) {
            return entries.filter(d -> Files.isRegularFile(d.resolve("interactions.json"))).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedRecordings")
    void theMockDivergesFromAShippedRecordingOnlyWhereTheKnownListSaysWhy(Path recording) {
        DiffReport report = RecordingDiff.run(RecordingReader.read(recording), KnownDivergences.shipped());
        String text = DiffReportText.render(report);
        System.out.println(text);

        assertThat(report.total()).isGreaterThan(20);
        assertThat(report.passes()).as(text).isTrue();
    }
}
