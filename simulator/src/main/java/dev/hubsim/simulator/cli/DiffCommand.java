package dev.hubsim.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hubsim.recordings.InvalidRecordingException;
import dev.hubsim.recordings.RecordingReader;
import dev.hubsim.recordings.StoredRecording;
import dev.hubsim.simulator.diff.DiffReport;
import dev.hubsim.simulator.diff.DiffReportText;
import dev.hubsim.simulator.diff.KnownDivergences;
import dev.hubsim.simulator.diff.RecordingDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code hubsim diff DIR}: how faithfully the mock answers a recording's requests. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replay the requests of a recording in order against a fresh mock and report, per interaction, "
                + "where its answer differs from the recorded one (status, registry error codes, key headers, JSON "
                + "fields, body), with a score.",
                "Exit status: 0 when every divergence is known (listed with a reason), 1 otherwise, 2 on bad input."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The recording directory (holding interactions.json).")
    private Path recording;

    @Option(names = "--json", description = "Print the report as JSON instead of a text table.")
    private boolean json;

    @Option(names = "--known", paramLabel = "FILE",
            description = "The known divergences (YAML list of id, server, method, path, aspect, field, reason) "
                    + "instead of the list hubsim ships.")
    private Path knownFile;

    @Override
    public Integer call() throws JsonProcessingException {
        KnownDivergences known = knownFile == null ? KnownDivergences.shipped() : KnownDivergences.load(knownFile);
        StoredRecording stored;
        try {
            stored = RecordingReader.read(recording);
        } catch (InvalidRecordingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        DiffReport report = RecordingDiff.run(stored, known);
        String text = json
                ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n"
                : DiffReportText.render(report);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return report.passes() ? 0 : 1;
    }
}
