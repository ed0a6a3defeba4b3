package dev.hubsim.dsl;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What answers a script's requests: the same script runs against each. */
public enum Target {
    /** An in-process simulator, started for the run (or given by a test). */
    MOCK,
    /** The simulator serving a recording, without any network. */
    REPLAY,
    /** The simulator as a proxy in front of the live service, writing a recording. */
    RECORD,
    /** The live service: Docker Hub, or the registry given in configuration. */
    LIVE;

    /** The target of this name in any case; the message of an unknown one lists the names. */
    public static Target parse(String name) {
        for (Target target : values()) {
            if (target.name().equalsIgnoreCase(name.trim())) {
                return target;
            }
        }
        throw new IllegalArgumentException("unknown target '" + name + "': use one of " + names());
    }

    /** The name scripts compare with, e.g. {@code mock}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String names() {
        return Arrays.stream(values()).map(Target::label).collect(Collectors.joining(", "));
    }
}
