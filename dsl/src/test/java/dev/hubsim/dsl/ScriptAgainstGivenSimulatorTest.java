package dev.hubsim.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.fault.FaultStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test runs scripts against its own simulator, and checks what they did through the simulator and the client. */
class ScriptAgainstGivenSimulatorTest {
    @TempDir
    Path directory;

    private Simulator simulator;
    private DockerHubClient client;

    @BeforeEach
    void start() {
        simulator = Simulator.builder().auth(AuthMode.TOKEN).start();
        client = DockerHubClient.builder().baseUrl(simulator.baseUri().toString()).build();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private void run(String text) {
        ScriptRunner.builder().simulator(simulator).client(client).build()
                .run(Scripts.write(directory, "script.groovy", text));
    }

    @Test
    void theSimulatorBlockSetsUpAccountsRepositoriesAndFaults() {
        run("""
                simulator {
                    user 'alice', password: 'secret', plan: 'pro'
                    organisation 'acme', members: ['alice']
                    repository 'alice/hidden', private: true
                    image('library/nginx:1.27') { layer bytes(10.KB) }
                    fault { on 'blob-get'; repository 'library/*'; once(); status 500 }
                }
                """);
        assertThat(simulator.accounts().user("alice")).isPresent();
        assertThat(simulator.accounts().hasNamespace("acme")).isTrue();
        assertThat(simulator.registry().privacy("alice/hidden")).contains(true);
        assertThat(client.registry().listTags("library/nginx")).containsExactly("1.27");
        assertThat(simulator.faults().list()).extracting(FaultStatus::rule).hasSize(1);
    }

    @Test
    void aPrivateRepositoryNeedsALogin() {
        assertThatCode(() -> run("""
                simulator {
                    user 'alice', 'secret'
                    repository 'alice/hidden', private: true
                }
                dockerhub {
                    login user: 'alice', password: 'secret'
                    push image('alice/hidden:1')
                    logout()
                    expect expectFailure { pull 'alice/hidden:1', platform: 'linux/amd64' }
                    login 'alice', env('ALICE_PASSWORD', 'secret')
                    expect pull('alice/hidden:1', platform: 'linux/amd64').manifest.digest == digest('alice/hidden:1')
                }
                """)).doesNotThrowAnyException();
    }

    @Test
    void theSameImageBlockGivesTheSameDigestAndALabelChangesIt() {
        run("""
                simulator { user 'alice', 'secret' }
                dockerhub {
                    login 'alice', 'secret'
                    def first = image('alice/app:1') { layer bytes(3.MB); label 'team', 'web' }
                    def again = image('alice/app:1') { layer bytes(3.MB); label 'team', 'web' }
                    def other = image('alice/app:1') { layer bytes(3.MB); label 'team', 'db' }
                    expect first.digest == again.digest
                    expect first.digest != other.digest
                    expect first.layers == other.layers
                    push first
                }
                """);
        assertThat(client.registry().listTags("alice/app")).containsExactly("1");
    }

    @Test
    void aFileLayerAndTwoPlatformsMakeAnIndex() throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(directory.resolve("app.tar.gz")))) {
            out.write(new byte[10240]);
        }
        run("""
                simulator { user 'alice', 'secret' }
                dockerhub {
                    login 'alice', 'secret'
                    push image('alice/multi:1') {
                        layer file('app.tar.gz')
                        platform 'linux/amd64'
                        platform 'linux/arm64/v8'
                    }
                    expect pull('alice/multi:1', platform: 'linux/arm64/v8').manifest.mediaType.contains('manifest')
                }
                """);
        assertThat(client.newBuilder().build().registry()
                .getManifest(ImageReference.parse("alice/multi:1")).mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    }

    @Test
    void unitHelpersAreBinaryMultiplesAndDurations() {
        assertThatCode(() -> run("""
                expect 5.MB == 5 * 1024 * 1024
                expect 200.KB == 204800
                expect 1.GB == 1073741824L
                expect 6.hours == Duration.ofHours(6)
                expect 50.ms == Duration.ofMillis(50)
                expect 30.seconds.toMinutes() == 0
                expect 10.per(hour).window() == Duration.ofHours(1)
                expect 100.per(6.hours).count() == 100
                """)).doesNotThrowAnyException();
    }

    @Test
    void aPushShowsItsProgressWhenAskedTo() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ScriptRunner.builder().simulator(simulator).client(client).progress(new PrintStream(progress, true,
                        StandardCharsets.UTF_8)).params(Map.of("size", "3")).build()
                .run(Scripts.write(directory, "progress.groovy", """
                        simulator { user 'alice', 'secret' }
                        dockerhub {
                            login 'alice', 'secret'
                            push image('alice/big:1') { layer bytes(param('size').toInteger().MB) }
                        }
                        """));
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("push alice/big:1").contains("MB");
    }
}
