package dev.hubsim.simulator;

import dev.hubsim.simulator.auth.Accounts;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.auth.RefreshTokens;
import dev.hubsim.simulator.auth.TokenService;
import dev.hubsim.simulator.clock.VirtualClock;
import dev.hubsim.simulator.fault.Faults;
import dev.hubsim.simulator.journal.Journal;
import dev.hubsim.simulator.ratelimit.HubApiRateLimiter;
import dev.hubsim.simulator.ratelimit.PullRateLimiter;
import dev.hubsim.simulator.registry.RegistryState;
import dev.hubsim.simulator.vulnerability.Vulnerabilities;
import dev.hubsim.simulator.webhook.Webhooks;

import java.util.Optional;

/**
 * Everything one simulator holds, wired once: the state, the accounts, the token service, the pull limiter, the
 * clock, the Hub API's rate limiter, the webhooks, the scan results, the fault rules, the request journal, and the
 * settings the HTTP faces read. {@code reset} empties the state and applies the seed again.
 */
public record SimulatorServices(RegistryState registry, Accounts accounts, TokenService tokens,
                                RefreshTokens refreshTokens, PullRateLimiter pullLimiter,
                                HubApiRateLimiter hubApiLimiter, VirtualClock clock,
                                Webhooks webhooks, Vulnerabilities vulnerabilities,
                                AuthMode auth, Optional<String> adminToken, Faults faults, Journal journal,
                                Runnable reset) {
    @Override
    public String toString() {
        return "SimulatorServices[auth=" + auth + ", adminToken=" + adminToken.map(t -> "****").orElse("none") + "]";
    }
}
