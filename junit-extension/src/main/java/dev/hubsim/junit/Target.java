package dev.hubsim.junit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What answers a test's requests. */
public enum Target {
    /** The in-process simulator: a stateful fake Docker Hub on a free loopback port. */
    MOCK,
    /** The simulator serving a recording, without any network. */
    REPLAY,
    /** The simulator as a proxy in front of the live service, writing a recording. */
    RECORD,
    /** The simulator as a proxy in front of the live service, journaling without recording. */
    SPY,
    /** The live service directly: Docker Hub, or the registry configured for live runs. */
    LIVE;

    /** The target of this name, case-insensitive ({@code mock}, {@code LIVE}, ...). */
    public static Optional<Target> byName(String name) {
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(target -> target.name().equals(wanted)).findFirst();
    }

    /** Every name in lower case, for error messages. */
    static String names() {
        return Arrays.stream(values()).map(target -> target.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
