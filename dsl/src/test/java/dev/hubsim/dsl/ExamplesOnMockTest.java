package dev.hubsim.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every example script runs against the mock with no argument but the target, as CI runs them. */
class ExamplesOnMockTest {

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Examples.directory())) {
            return files.filter(f -> f.toString().endsWith(".groovy")).sorted().toList().stream();
        }
    }

    @Test
    void theSixExamplesAreThere() throws IOException {
        assertThat(examples().map(p -> p.getFileName().toString())).contains("push-and-pull.groovy",
                "tags-and-cleanup.groovy", "rate-limit.groovy", "fault-tolerance.groovy", "webhook-check.groovy",
                "vulnerability-gate.groovy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleSucceedsAgainstTheMock(Path example) {
        assertThatCode(() -> ScriptRunner.builder().target(Target.MOCK).build().run(example))
                .doesNotThrowAnyException();
    }

}
