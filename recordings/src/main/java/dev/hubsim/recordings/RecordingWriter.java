package dev.hubsim.recordings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes a recording as it happens. {@link #append} keeps the allow-listed headers, scrubs every secret and adds the
 * interaction; bodies are streamed in through {@link #captureBody()}. {@code interactions.json} is always a complete
 * recording: it is rewritten to a temporary file and renamed over the old one, at once when the last write is older
 * than the flush interval, otherwise by a timer at most one interval later, and on {@link #flush()} and
 * {@link #close()}. Each interaction is serialised once, so a rewrite only joins text; rewrites are spaced by the
 * interval or by the time the last one took, whichever is longer, which keeps long recordings fast. A process that dies without closing leaves the interactions written up to
 * its last rewrite. Thread-safe.
 */
public final class RecordingWriter implements AutoCloseable {
    /** How far {@code interactions.json} may lag behind the appended interactions by default. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(100);
    private static final String PARTIAL = ".partial";
    private static final long RETRY_NANOS = DEFAULT_FLUSH_INTERVAL.toNanos();

    private final Path directory;
    private final Path interactionsFile;
    private final Path temporaryDirectory;
    private final String header;
    private final Scrubber scrubber;
    private final long flushIntervalNanos;
    private final ScheduledExecutorService timer;
    private final Object fileLock = new Object();

    // guarded by this
    private final List<String> fragments = new ArrayList<>();
    private long nextWriteNanos;
    private boolean writing;
    private boolean writeScheduled;
    private boolean closed;
    // guarded by fileLock
    private int written = -1;

    private RecordingWriter(Builder builder) {
        this.directory = builder.directory;
        this.interactionsFile = RecordingFiles.interactions(directory);
        this.temporaryDirectory = directory.resolve(PARTIAL);
        this.header = RecordingDocument.header(builder.metadata);
        this.scrubber = new Scrubber(builder.headers);
        for (Interaction interaction : builder.existing) {
            String fragment = RecordingDocument.fragment(interaction);
            scrubber.continueAfter(fragment);
            fragments.add(fragment);
        }
        this.flushIntervalNanos = builder.flushInterval.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hubsim-recording-writer " + directory.getFileName());
            thread.setDaemon(true);
            return thread;
        });
        this.nextWriteNanos = System.nanoTime();
    }

    /** A writer with the default header allow-list and flush interval. */
    public static RecordingWriter create(Path directory, RecordingMetadata metadata) {
        return builder(directory, metadata).open();
    }

    /** Configures a writer for a new recording in {@code directory} (created if needed; must not hold one yet). */
    public static Builder builder(Path directory, RecordingMetadata metadata) {
        return new Builder(directory, metadata, List.of(), false);
    }

    /**
     * Configures a writer that adds to a recording (as spy mode grows one): its interactions and metadata are kept,
     * and new placeholders are numbered after the ones it already uses.
     */
    public static Builder continuing(StoredRecording recording) {
        return new Builder(recording.directory(), recording.metadata(), recording.interactions(), true);
    }

    /** A new capture for one request or response body of this recording. */
    public BodyCapture captureBody() {
        return new BodyCapture(directory, temporaryDirectory);
    }

    /**
     * Adds an interaction: headers outside the allow-list are dropped, secrets replaced by placeholders, and an
     * inline body larger than {@link Body#INLINE_LIMIT} moved to a blob. A blob body must come from
     * {@link #captureBody()} of this writer.
     *
     * @return the interaction as recorded
     */
    public Interaction append(Interaction raw) {
        Interaction safe = scrubber.scrub(raw);
        Interaction stored = new Interaction(
                new RecordedRequest(safe.request().method(), safe.request().path(), safe.request().query(),
                        safe.request().headers(), stored(safe.request().body())),
                new RecordedResponse(safe.response().status(), safe.response().headers(), stored(safe.response().body())));
        String fragment = RecordingDocument.fragment(stored);
        boolean writeNow;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the recording writer for " + directory + " is closed");
            }
            fragments.add(fragment);
            writeNow = isDue();
            if (!writeNow) {
                scheduleWrite();
            }
        }
        if (writeNow) {
            flush();
        }
        return stored;
    }

    /** Writes {@code interactions.json} now if it lags behind. */
    public void flush() {
        synchronized (fileLock) {
            List<String> snapshot;
            synchronized (this) {
                if (fragments.size() == written) {
                    return;
                }
                snapshot = new ArrayList<>(fragments);
                // appends during this write leave the next one to the timer
                writing = true;
            }
            long start = System.nanoTime();
            boolean succeeded = false;
            try {
                writeDocument(RecordingDocument.assemble(header, snapshot));
                written = snapshot.size();
                succeeded = true;
            } finally {
                long end = System.nanoTime();
                synchronized (this) {
                    writing = false;
                    // rewriting a long recording takes a while: space the writes by at least as long again
                    long spacing = flushIntervalNanos == 0 && succeeded ? 0
                            : Math.max(Math.max(flushIntervalNanos, end - start), succeeded ? 0 : RETRY_NANOS);
                    nextWriteNanos = end + spacing;
                    if (fragments.size() != written) {
                        scheduleWrite();
                    }
                }
            }
        }
    }

    /** Writes what is left and stops the timer; the recording is complete. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        timer.shutdownNow();
        flush();
        deletePartials();
    }

    /** True when no write is running and the last one is far enough back. Called holding this. */
    private boolean isDue() {
        return !writing && System.nanoTime() - nextWriteNanos >= 0;
    }

    /**
     * Makes sure a timer writes the file when the next write is due; while a write runs, that write schedules the
     * next when it ends. Called holding this.
     */
    private void scheduleWrite() {
        if (!writeScheduled && !writing && !closed) {
            writeScheduled = true;
            timer.schedule(this::scheduledWrite, Math.max(0, nextWriteNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private void scheduledWrite() {
        synchronized (this) {
            writeScheduled = false;
            if (!isDue()) {
                scheduleWrite();
                return;
            }
        }
        try {
            flush();
        } catch (UncheckedIOException e) {
            // the next append, flush or close writes again and reports the failure to its caller
        }
    }

    private Body stored(Body body) {
        if (body == null) {
            return null;
        }
        if (!body.isInline()) {
            Path blob = RecordingFiles.blob(directory, body.digest());
            if (!Files.isRegularFile(blob)) {
                throw new IllegalArgumentException("body " + body.digest() + " is not a blob of the recording in "
                        + directory + "; capture it with captureBody()");
            }
            return body;
        }
        if (body.size() <= Body.INLINE_LIMIT) {
            return body;
        }
        BodyCapture capture = captureBody();
        try (capture) {
            new ByteArrayInputStream(body.inlineBytes()).transferTo(capture);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a body of " + body.size() + " bytes in " + directory, e);
        }
        return capture.body();
    }

    private void writeDocument(byte[] document) {
        Path temporary = interactionsFile.resolveSibling("." + RecordingFiles.INTERACTIONS + ".tmp");
        try {
            Files.write(temporary, document);
            RecordingFiles.moveAtomically(temporary, interactionsFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + interactionsFile, e);
        }
    }

    private void deletePartials() {
        try (var partials = Files.list(temporaryDirectory)) {
            for (Path partial : partials.toList()) {
                Files.deleteIfExists(partial);
            }
            Files.deleteIfExists(temporaryDirectory);
        } catch (NoSuchFileException e) {
            // no body was ever large enough to spill
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + temporaryDirectory, e);
        }
    }

    /** Options of a {@link RecordingWriter}. */
    public static final class Builder {
        private final Path directory;
        private final RecordingMetadata metadata;
        private final List<Interaction> existing;
        private final boolean continuing;
        private HeaderAllowList headers = HeaderAllowList.DEFAULT;
        private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;

        private Builder(Path directory, RecordingMetadata metadata, List<Interaction> existing, boolean continuing) {
            this.directory = Objects.requireNonNull(directory, "directory");
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            this.existing = existing;
            this.continuing = continuing;
        }

        /** The headers to keep (default {@link HeaderAllowList#DEFAULT}). */
        public Builder headers(HeaderAllowList headers) {
            this.headers = Objects.requireNonNull(headers, "headers");
            return this;
        }

        /** How far {@code interactions.json} may lag behind; zero rewrites it on every append. */
        public Builder flushInterval(Duration flushInterval) {
            if (flushInterval.isNegative()) {
                throw new IllegalArgumentException("flush interval " + flushInterval + " is negative");
            }
            this.flushInterval = flushInterval;
            return this;
        }

        /** Creates the directory and writes the recording so far (empty for a new one) into it. */
        public RecordingWriter open() {
            if (!continuing && Files.exists(RecordingFiles.interactions(directory))) {
                throw new IllegalStateException(directory + " already holds a recording; choose an empty directory");
            }
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the recording directory " + directory, e);
            }
            RecordingWriter writer = new RecordingWriter(this);
            writer.flush();
            return writer;
        }
    }
}
