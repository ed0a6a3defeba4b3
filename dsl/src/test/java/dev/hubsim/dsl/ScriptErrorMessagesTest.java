package dev.hubsim.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hubsim.core.config.DockerHubConfig;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a script stops gives one message that starts with the script file and line. */
class ScriptErrorMessagesTest {
    @TempDir
    Path directory;

    private ScriptFailure failureOf(String name, String text) {
        Path script = Scripts.write(directory, name, text);
        return catchThrowableOfType(ScriptFailure.class, () -> ScriptRunner.builder().build().run(script));
    }

    @Test
    void aMissingImageIsNamedWithTheLineThatPulledIt() {
        ScriptFailure failure = failureOf("pull.groovy", """
                dockerhub {
                    // nothing was pushed
                    pull 'hubsim/app:2'
                }
                """);
        assertThat(failure.getMessage()).isEqualTo("(pull.groovy, line 3) no such image: hubsim/app:2");
        assertThat(failure.kind()).isEqualTo(ScriptFailure.Kind.ERROR);
        assertThat(failure.line()).isEqualTo(3);
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        ScriptFailure failure = failureOf("broken.groovy", """
                dockerhub {
                    push image('hubsim/app:1') {
                }
                """);
        assertThat(failure.getMessage()).startsWith("(broken.groovy, line ").contains("does not compile");
        assertThat(failure.kind()).isEqualTo(ScriptFailure.Kind.ERROR);
    }

    @Test
    void anUnknownKeywordIsNamed() {
        ScriptFailure failure = failureOf("typo.groovy", """
                dockerhub {

                    pussh 'hubsim/app:1'
                }
                """);
        assertThat(failure.getMessage()).isEqualTo("(typo.groovy, line 3) no keyword or method pussh(String) here");
    }

    @Test
    void misusingAKeywordSaysHowToUseIt() {
        ScriptFailure failure = failureOf("login.groovy", """
                dockerhub {
                    login user: 'alice'
                }
                """);
        assertThat(failure.getMessage()).isEqualTo("(login.groovy, line 2) login needs password: or token:");
    }

    @Test
    void aFailedExpectationShowsTheValuesOfItsParts() {
        ScriptFailure failure = failureOf("expect.groovy", """
                dockerhub {
                    def wanted = ['1.0']
                    expect tags('hubsim/none') == wanted
                }
                """);
        assertThat(failure.kind()).isEqualTo(ScriptFailure.Kind.EXPECTATION_FAILED);
        assertThat(failure.getMessage()).startsWith("(expect.groovy, line 3) ")
                .contains("tags('hubsim/none') == wanted").contains("[]").contains("['1.0']").contains("false");
    }

    @Test
    void anExpectationWithAMessageShowsTheMessage() {
        ScriptFailure failure = failureOf("message.groovy", """
                expect 1 + 1 == 3, 'arithmetic is broken'
                """);
        assertThat(failure.kind()).isEqualTo(ScriptFailure.Kind.EXPECTATION_FAILED);
        assertThat(failure.getMessage()).startsWith("(message.groovy, line 1) arithmetic is broken");
    }

    @Test
    void aPlainAssertIsAFailedExpectation() {
        ScriptFailure failure = failureOf("assert.groovy", """
                def size = 5.MB
                assert size == 5_000_000
                """);
        assertThat(failure.kind()).isEqualTo(ScriptFailure.Kind.EXPECTATION_FAILED);
        assertThat(failure.getMessage()).startsWith("(assert.groovy, line 2) assert size == 5_000_000")
                .contains("5242880");
    }

    @Test
    void aMissingParameterSaysHowToGiveIt() {
        ScriptFailure failure = failureOf("param.groovy", "def repository = param('repository')\n");
        assertThat(failure.getMessage())
                .isEqualTo("(param.groovy, line 1) parameter repository was not given: add --param repository=VALUE");
    }

    @Test
    void theSimulatorBlockIsRefusedAgainstLive() {
        Path script = Scripts.write(directory, "seed.groovy", """
                dockerhub { }
                simulator {
                    user 'alice', password: 'secret'
                }
                """);
        // The refusal comes before any request: the registry address is never contacted.
        DockerHubConfig unreachable = new DockerHubConfig(URI.create("http://127.0.0.1:9"), URI.create("http://127.0.0.1:9"),
                URI.create("http://127.0.0.1:9"), DockerHubConfig.DEFAULT_TIMEOUT, DockerHubConfig.DEFAULT_CHUNK_SIZE, 0,
                DockerHubConfig.CircuitBreakerSettings.DEFAULTS, null);
        ScriptFailure failure = catchThrowableOfType(ScriptFailure.class,
                () -> ScriptRunner.builder().target(Target.LIVE).liveConfig(unreachable).build().run(script));
        assertThat(failure.getMessage()).isEqualTo("(seed.groovy, line 2) simulator { } configures the mock and cannot "
                + "run against target live (run with --target mock)");
    }
}
