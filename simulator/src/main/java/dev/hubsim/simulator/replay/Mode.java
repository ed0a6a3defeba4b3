package dev.hubsim.simulator.replay;

import dev.hubsim.recordings.MatchRules;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a simulator answers with: its own stateful {@linkplain Mock mock}, the live service through a
 * {@linkplain Record recording proxy}, a {@linkplain Replay recording} without network, or a {@linkplain Spy
 * recording} that forwards and records what it does not hold. Faults, the journal, the clock and the admin API work
 * the same in every mode.
 */
public sealed interface Mode {

    /** The stateful fake Docker Hub (the default). */
    static Mock mock() {
        return new Mock();
    }

    /** Proxies to the upstreams and writes a new recording into {@code directory}. */
    static Record record(Upstreams upstreams, Path directory) {
        return new Record(upstreams, directory, null, null);
    }

    /** Serves the recording in {@code directory} with the default match rules, not strict. */
    static Replay replay(Path directory) {
        return new Replay(directory, MatchRules.DEFAULT, false);
    }

    /** Serves what the recording in {@code directory} holds; forwards the rest to the upstreams and adds it. */
    static Spy spy(Path directory, Upstreams upstreams) {
        return new Spy(directory, upstreams, MatchRules.DEFAULT);
    }

    /** The stateful fake Docker Hub. */
    record Mock() implements Mode {
    }

    /**
     * Record mode.
     *
     * @param upstreams     where requests go
     * @param directory     the new recording (must not hold one yet)
     * @param server        what the upstream is, for the recording's metadata; null names the upstream URLs
     * @param serverVersion the upstream's version, for the metadata; null when unknown
     */
    record Record(Upstreams upstreams, Path directory, String server, String serverVersion) implements Mode {
        public Record {
            Objects.requireNonNull(upstreams, "upstreams");
            Objects.requireNonNull(directory, "directory");
        }

        /** The same mode naming the upstream server and its version in the recording's metadata. */
        public Record describing(String server, String serverVersion) {
            return new Record(upstreams, directory, server, serverVersion);
        }
    }

    /**
     * Replay mode.
     *
     * @param directory the recording
     * @param rules     how requests are matched with recorded ones
     * @param strict    after the first unmatched request, refuse every request (the test fails fast)
     */
    record Replay(Path directory, MatchRules rules, boolean strict) implements Mode {
        public Replay {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(rules, "rules");
        }

        /** The same mode, strict or not. */
        public Replay strict(boolean strict) {
            return new Replay(directory, rules, strict);
        }

        /** The same mode with other match rules. */
        public Replay rules(MatchRules rules) {
            return new Replay(directory, rules, strict);
        }
    }

    /**
     * Spy mode.
     *
     * @param directory the recording that is served and grows
     * @param upstreams where unmatched requests go
     * @param rules     how requests are matched with recorded ones
     */
    record Spy(Path directory, Upstreams upstreams, MatchRules rules) implements Mode {
        public Spy {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(upstreams, "upstreams");
            Objects.requireNonNull(rules, "rules");
        }

        /** The same mode with other match rules. */
        public Spy rules(MatchRules rules) {
            return new Spy(directory, upstreams, rules);
        }
    }
}
