package dev.hubsim.simulator.auth;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users, their personal access tokens and organisations, and the ownership rules Docker Hub applies to
 * namespaces: an account may push to its own namespace and to those of organisations it belongs to.
 */
public final class Accounts {
    private static final String PAT_PREFIX = "dckr_pat_";

    private final Map<String, Account> users = new ConcurrentHashMap<>();
    private final Map<String, Organisation> organisations = new ConcurrentHashMap<>();
    private final Clock clock;

    public Accounts(Clock clock) {
        this.clock = clock;
    }

    /** Adds (or replaces) a user. */
    public void addUser(String name, String password, Plan plan, boolean catalogAccess) {
        users.put(name, new Account(name, newId(), PasswordHash.of(password), plan, List.of(), catalogAccess));
    }

    /** Gives a user a personal access token with a known secret (which must start with {@code dckr_pat_}). */
    public AccessToken addToken(String user, String secret, PatScope scope, String label) {
        if (!secret.startsWith(PAT_PREFIX)) {
            throw new IllegalArgumentException("a personal access token must start with " + PAT_PREFIX);
        }
        Account account = user(user).orElseThrow(() -> new IllegalArgumentException("no such user: " + user));
        AccessToken token = new AccessToken(UUID.randomUUID().toString(), label, scope, PasswordHash.of(secret), true,
                clock.instant(), null);
        List<AccessToken> tokens = new java.util.ArrayList<>(account.tokens());
        tokens.add(token);
        users.put(user, new Account(account.name(), account.id(), account.password(), account.plan(), tokens,
                account.catalogAccess()));
        return token;
    }

    /** Adds (or replaces) an organisation with its members. */
    public void addOrganisation(String name, Set<String> members) {
        organisations.put(name, new Organisation(name, newId(), members));
    }

    /** Forgets every account and organisation. */
    public void clear() {
        users.clear();
        organisations.clear();
    }

    public Optional<Account> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** True when there is a user or organisation of this name. */
    public boolean hasNamespace(String name) {
        return users.containsKey(name) || organisations.containsKey(name);
    }

    /**
     * Checks a username with a password or a personal access token. Empty when the account does not exist, the
     * secret is wrong, or the token is inactive or expired.
     */
    public Optional<Principal> authenticate(String username, String secret) {
        Account account = users.get(username);
        if (account == null || secret == null) {
            return Optional.empty();
        }
        if (secret.startsWith(PAT_PREFIX)) {
            return account.tokens().stream()
                    .filter(t -> t.usableAt(clock.instant()) && t.secret().matches(secret))
                    .findFirst()
                    .map(t -> new Principal(account.name(), t.scope()));
        }
        return account.password().matches(secret) ? Optional.of(new Principal(account.name(), PatScope.ADMIN)) : Optional.empty();
    }

    /**
     * Checks a personal access token given without a username (as a bearer token): empty when no user holds it or
     * it is inactive or expired.
     */
    public Optional<Principal> authenticateToken(String secret) {
        if (secret == null || !secret.startsWith(PAT_PREFIX)) {
            return Optional.empty();
        }
        return users.values().stream()
                .flatMap(account -> account.tokens().stream()
                        .filter(t -> t.usableAt(clock.instant()) && t.secret().matches(secret))
                        .map(t -> new Principal(account.name(), t.scope())))
                .findFirst();
    }

    /** True when the principal owns the namespace: it is its own, or an organisation it is a member of. */
    public boolean owns(Principal principal, String namespace) {
        if (principal.isAnonymous()) {
            return false;
        }
        if (principal.account().equals(namespace)) {
            return true;
        }
        Organisation organisation = organisations.get(namespace);
        return organisation != null && organisation.members().contains(principal.account());
    }

    /** The plan of an account (free when unknown). */
    public Plan plan(String account) {
        Account found = users.get(account);
        return found == null ? Plan.FREE : found.plan();
    }

    /** The Docker-style id of an account, as sent in {@code docker-ratelimit-source}. */
    public String idOf(String account) {
        Account found = users.get(account);
        return found == null ? account : found.id();
    }

    private static String newId() {
        return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16)
                .putLong(UUID.randomUUID().getMostSignificantBits())
                .putLong(UUID.randomUUID().getLeastSignificantBits()).array());
    }
}
