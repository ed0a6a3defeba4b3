package dev.hubsim.simulator.replay;

import dev.hubsim.recordings.InvalidRecordingException;
import dev.hubsim.recordings.Matcher;
import dev.hubsim.recordings.RecordingMetadata;
import dev.hubsim.recordings.RecordingReader;
import dev.hubsim.recordings.RecordingWriter;
import dev.hubsim.recordings.StoredRecording;
import io.javalin.http.Handler;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The record, replay or spy side of one simulator: the recording it reads or writes, the handler that answers every
 * request outside the admin API, and the misses of a replay. Closing it completes the recording.
 */
public final class RecordReplay implements AutoCloseable {
    private final Mode mode;
    private final Path directory;
    private final Handler handler;
    private final int loaded;
    private final Matcher matcher;
    private final RecordingProxy proxy;
    private final RecordingWriter writer;
    private final ReplayMisses misses;

    private RecordReplay(Mode mode, Path directory, Handler handler, int loaded, Matcher matcher, RecordingProxy proxy,
                         RecordingWriter writer, ReplayMisses misses) {
        this.mode = mode;
        this.directory = directory;
        this.handler = handler;
        this.loaded = loaded;
        this.matcher = matcher;
        this.proxy = proxy;
        this.writer = writer;
        this.misses = misses;
    }

    /**
     * Opens the recording of a record, replay or spy mode.
     *
     * @param clock the simulator's clock (the recording's date, the misses' times)
     * @throws IllegalArgumentException when the recording cannot be read, or a new one would overwrite one
     */
    public static RecordReplay open(Mode mode, Clock clock) {
        try {
            if (mode instanceof Mode.Record record) {
                return record(record, clock);
            }
            if (mode instanceof Mode.Replay replay) {
                return replay(replay, clock);
            }
            if (mode instanceof Mode.Spy spy) {
                return spy(spy, clock);
            }
            throw new IllegalArgumentException("the mock mode has no recording");
        } catch (InvalidRecordingException | IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static RecordReplay record(Mode.Record record, Clock clock) {
        String server = record.server() != null ? record.server() : "upstream " + record.upstreams();
        RecordingWriter writer = RecordingWriter.create(record.directory(),
                new RecordingMetadata(server, record.serverVersion(), clock.instant(), tool()));
        RecordingProxy proxy = new RecordingProxy(record.upstreams(), writer);
        return new RecordReplay(record, record.directory(), proxy, 0, null, proxy, writer, new ReplayMisses(false, clock));
    }

    private static RecordReplay replay(Mode.Replay replay, Clock clock) {
        StoredRecording recording = RecordingReader.read(replay.directory());
        Matcher matcher = new Matcher(recording.interactions(), replay.rules());
        ReplayMisses misses = new ReplayMisses(replay.strict(), clock);
        return new RecordReplay(replay, replay.directory(), new RecordingReplayer(recording, matcher, misses, null),
                recording.interactions().size(), matcher, null, null, misses);
    }

    private static RecordReplay spy(Mode.Spy spy, Clock clock) {
        StoredRecording recording = RecordingReader.read(spy.directory());
        Matcher matcher = new Matcher(recording.interactions(), spy.rules());
        RecordingWriter writer = RecordingWriter.continuing(recording).open();
        RecordingProxy proxy = new RecordingProxy(spy.upstreams(), writer);
        ReplayMisses misses = new ReplayMisses(false, clock);
        return new RecordReplay(spy, spy.directory(), new RecordingReplayer(recording, matcher, misses, proxy),
                recording.interactions().size(), matcher, proxy, writer, misses);
    }

    private static String tool() {
        String version = RecordReplay.class.getPackage().getImplementationVersion();
        return "hubsim " + (version == null ? "development" : version);
    }

    public Mode mode() {
        return mode;
    }

    /** The recording's directory. */
    public Path directory() {
        return directory;
    }

    /** Answers every request outside the admin API. */
    public Handler handler() {
        return handler;
    }

    /** Interactions the recording held at start (0 when recording). */
    public int loaded() {
        return loaded;
    }

    /** Interactions recorded since start (record and spy). */
    public int recorded() {
        return proxy == null ? 0 : proxy.recorded();
    }

    /** The requests a replay could not answer (always empty when recording; spy forwards them). */
    public ReplayMisses misses() {
        return misses;
    }

    /** Starts every repeated request over from its first recorded answer and forgets the misses. */
    public void reset() {
        if (matcher != null) {
            matcher.reset();
        }
        misses.clear();
    }

    /** Writes what is left of the recording; it is complete and readable. */
    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
