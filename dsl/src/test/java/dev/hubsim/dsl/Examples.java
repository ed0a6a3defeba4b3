package dev.hubsim.dsl;

import java.nio.file.Path;

/** The example scripts in {@code dsl/examples/}, found through the property the build sets. */
final class Examples {
    private Examples() {
    }

    static Path directory() {
        return Path.of(System.getProperty("hubsim.examples", "examples"));
    }

    static Path named(String name) {
        return directory().resolve(name);
    }
}
