package dev.hubsim.simulator.client;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.hub.HubLogin;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.auth.TotpSecret;
import dev.hubsim.simulator.journal.JournalEntry;
import dev.hubsim.simulator.ratelimit.RateLimitPolicy;
import dev.hubsim.simulator.seed.Seed;
import java.util.List;

/**
 * A token-auth simulator for the Hub client tests, whose virtual clock is also the clients' clock (so moving
 * {@code simulator.clock()} ages the Hub's tokens for both sides), and clients for its cast.
 *
 * <p>alice (password, and a {@code repo:admin} personal access token), bob (an outsider), tess (two-factor
 * authentication), organisation acme (alice). alice/open (public, described, tags {@code 1.0} and {@code 2.0}),
 * alice/secret (private, {@code 1.0}), alice/multi (public, {@code 2.0} for linux/amd64 and linux/arm64/v8).
 */
final class HubClientCast implements AutoCloseable {
    static final String ALICE_PASSWORD = "alice-hub-client-pw-58";
    static final String ALICE_PAT = "dckr_pat_aliceHubClientAdminXXXXX";
    static final String BOB_PASSWORD = "bob-hub-client-pw-16";
    static final String TESS_PASSWORD = "tess-hub-client-pw-72";
    static final String TESS_TOTP = "KRSXG5CTMVRXEZLUKN2XAZLSGEZDG";

    final Simulator simulator;

    private HubClientCast(Simulator simulator) {
        this.simulator = simulator;
    }

    static HubClientCast start() {
        Seed seed = new Seed(
                List.of(new Seed.User("alice", ALICE_PASSWORD, null, false,
                                List.of(new Seed.Token("ci", ALICE_PAT, "repo:admin"))),
                        new Seed.User("bob", BOB_PASSWORD, null, false, List.of()),
                        new Seed.User("tess", TESS_PASSWORD, null, false, List.of(), TESS_TOTP)),
                List.of(new Seed.Organisation("acme", List.of("alice"))),
                List.of(new Seed.Repository("alice/open", false, "Open one", "# Open\nA public repository."),
                        new Seed.Repository("alice/secret", true)),
                List.of(new Seed.Image("alice/open:1.0", null, List.of("1KB")),
                        new Seed.Image("alice/open:2.0", null, List.of("2KB")),
                        new Seed.Image("alice/secret:1.0", null, List.of("1KB")),
                        new Seed.Image("alice/multi:2.0", List.of("linux/amd64", "linux/arm64/v8"), List.of("2KB", "3KB"))));
        return new HubClientCast(Simulator.builder().auth(AuthMode.TOKEN).rateLimit(RateLimitPolicy.UNLIMITED)
                .seed(seed).start());
    }

    /** An anonymous client of this simulator on its clock. */
    DockerHubClient.Builder anonymous() {
        return DockerHubClient.builder().baseUrl(simulator.baseUri().toString()).clock(simulator.clock());
    }

    /** alice with her password, signing in with {@code /v2/auth/token}. */
    DockerHubClient alice() {
        return anonymous().credentials("alice", SecretString.of(ALICE_PASSWORD)).build();
    }

    /** tess with the legacy login, answering the second factor with the code of the simulator's clock. */
    DockerHubClient tess() {
        return anonymous().hubLogin(HubLogin.user("tess", SecretString.of(TESS_PASSWORD), this::tessCode)).build();
    }

    String tessCode() {
        return TotpSecret.parse(TESS_TOTP).codeAt(simulator.clock().instant());
    }

    /** The journal's requests to a path, oldest first, as {@code METHOD path status}. */
    List<String> requests(String path) {
        return simulator.journal().entries().stream().filter(e -> e.path().equals(path))
                .map(HubClientCast::line).toList();
    }

    /** Every request in the journal as {@code METHOD path status}. */
    List<String> requests() {
        return simulator.journal().entries().stream().map(HubClientCast::line).toList();
    }

    private static String line(JournalEntry entry) {
        return entry.method() + " " + entry.path() + " " + entry.status();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
