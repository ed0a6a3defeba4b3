package dev.hubsim.simulator.hubapi;

import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.auth.TotpSecret;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.TestClock;

import java.util.List;

/**
 * A token-auth simulator with a fixed cast for the Hub API tests, on a clock that stands still until moved.
 *
 * <p>alice (a write PAT seeded), bob (an outsider), carol (member of organisation acme with alice), tess (two-factor
 * authentication). Repositories: alice/open (public, described, {@code 1.0}), alice/secret (private, {@code 1.0}),
 * alice/multi (public, {@code 2.0} for linux/amd64 and linux/arm64/v8), acme/internal (private, {@code 1.0}).
 */
final class HubCast implements AutoCloseable {
    static final String ALICE_PASSWORD = "alice-pw-Hq71";
    static final String BOB_PASSWORD = "bob-pw-Lw28";
    static final String CAROL_PASSWORD = "carol-pw-Pz93";
    static final String TESS_PASSWORD = "tess-pw-Ux45";
    static final String TESS_TOTP = "JBSWY3DPEHPK3PXP";
    static final String ALICE_WRITE_PAT = "dckr_pat_aliceWriteHubApiXXXX";

    final TestClock clock = new TestClock();
    final Simulator simulator;
    final HubApiClient hub;
    final RegistryHttp registry;

    private HubCast(Simulator.Builder builder) {
        this.simulator = builder.clock(clock).start();
        this.hub = new HubApiClient(simulator.baseUri());
        this.registry = new RegistryHttp(simulator.baseUri());
    }

    static HubCast start() {
        return start(Simulator.builder());
    }

    /** Starts the cast on a builder the test configured further. */
    static HubCast start(Simulator.Builder builder) {
        return new HubCast(builder.auth(AuthMode.TOKEN).seed(seed()));
    }

    static Seed seed() {
        return new Seed(
                List.of(new Seed.User("alice", ALICE_PASSWORD, null, false,
                                List.of(new Seed.Token("ci", ALICE_WRITE_PAT, "repo:write"))),
                        new Seed.User("bob", BOB_PASSWORD, null, false, List.of()),
                        new Seed.User("carol", CAROL_PASSWORD, null, false, List.of()),
                        new Seed.User("tess", TESS_PASSWORD, null, false, List.of(), TESS_TOTP)),
                List.of(new Seed.Organisation("acme", List.of("alice", "carol"))),
                List.of(new Seed.Repository("alice/open", false, "Open one", "# Open\nA public repository."),
                        new Seed.Repository("alice/secret", true), new Seed.Repository("acme/internal", true)),
                List.of(new Seed.Image("alice/open:1.0", null, List.of("1KB")),
                        new Seed.Image("alice/secret:1.0", null, List.of("1KB")),
                        new Seed.Image("acme/internal:1.0", null, List.of("1KB")),
                        new Seed.Image("alice/multi:2.0", List.of("linux/amd64", "linux/arm64/v8"), List.of("2KB", "3KB"))));
    }

    /** The TOTP code for tess right now on the simulator's clock. */
    String tessCode() {
        return TotpSecret.parse(TESS_TOTP).codeAt(clock.instant());
    }

    @Override
    public void close() {
        simulator.close();
    }
}
