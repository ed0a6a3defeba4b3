package dev.hubsim.simulator.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Users, their personal access tokens and organisations, and the ownership rules Docker Hub applies to
 * namespaces: an account may push to its own namespace and to those of organisations it belongs to.
 */
public final class Accounts {
    private static final String PAT_PREFIX = "dckr_pat_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Account> users = new ConcurrentHashMap<>();
    private final Map<String, Organisation> organisations = new ConcurrentHashMap<>();
    private final Clock clock;

    public Accounts(Clock clock) {
        this.clock = clock;
    }

    /** Adds (or replaces) a user. */
    public void addUser(String name, String password, Plan plan, boolean catalogAccess) {
        users.put(name, new Account(name, newId(), PasswordHash.of(password), plan, List.of(), catalogAccess, null));
    }

    /** Turns on two-factor authentication for a user: logging in with the password then needs a TOTP code. */
    public void enableTotp(String user, TotpSecret secret) {
        update(user, account -> account.withTotp(secret));
    }

    /** Gives a user a personal access token with a known secret (which must start with {@code dckr_pat_}). */
    public AccessToken addToken(String user, String secret, PatScope scope, String label) {
        if (!isPersonalAccessToken(secret)) {
            throw new IllegalArgumentException("a personal access token must start with " + PAT_PREFIX);
        }
        return add(user, secret, scope, label, null, "", "");
    }

    /**
     * Creates a personal access token with a fresh secret, as the Hub API does; the secret is returned here once and
     * only its hash is kept.
     */
    public CreatedToken createToken(String user, String label, PatScope scope, Instant expiresAt, String creatorIp,
                                    String creatorUa) {
        byte[] random = new byte[20];
        RANDOM.nextBytes(random);
        String secret = PAT_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new CreatedToken(add(user, secret, scope, label, expiresAt, creatorIp, creatorUa), secret);
    }

    private AccessToken add(String user, String secret, PatScope scope, String label, Instant expiresAt,
                            String creatorIp, String creatorUa) {
        AccessToken token = new AccessToken(UUID.randomUUID().toString(), label, scope, PasswordHash.of(secret), true,
                clock.instant(), expiresAt, creatorIp, creatorUa, null);
        update(user, account -> {
            List<AccessToken> tokens = new ArrayList<>(account.tokens());
            tokens.add(token);
            return account.withTokens(tokens);
        });
        return token;
    }

    /** A user's personal access tokens, oldest first. */
    public List<AccessToken> tokens(String user) {
        return user(user).map(Account::tokens).orElse(List.of());
    }

    /** One of a user's personal access tokens. */
    public Optional<AccessToken> token(String user, String uuid) {
        return tokens(user).stream().filter(t -> t.uuid().equals(uuid)).findFirst();
    }

    /** Changes the label and activity of a user's token; empty when the user has no such token. */
    public Optional<AccessToken> updateToken(String user, String uuid, String label, boolean active) {
        if (token(user, uuid).isEmpty()) {
            return Optional.empty();
        }
        update(user, account -> account.withTokens(account.tokens().stream()
                .map(t -> t.uuid().equals(uuid) ? t.with(label, active) : t).toList()));
        return token(user, uuid);
    }

    /** Deletes a user's token; false when the user has no such token. */
    public boolean deleteToken(String user, String uuid) {
        if (token(user, uuid).isEmpty()) {
            return false;
        }
        update(user, account -> account.withTokens(account.tokens().stream().filter(t -> !t.uuid().equals(uuid)).toList()));
        return true;
    }

    /** True when a secret has the form of a personal access token ({@code dckr_pat_...}). */
    public static boolean isPersonalAccessToken(String secret) {
        return secret != null && secret.startsWith(PAT_PREFIX);
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
     * Checks a username with a password or a personal access token (whose last use is then recorded). Empty when the
     * account does not exist, the secret is wrong, or the token is inactive, expired or deleted.
     */
    public Optional<Principal> authenticate(String username, String secret) {
        Account account = users.get(username);
        if (account == null || secret == null) {
            return Optional.empty();
        }
        if (isPersonalAccessToken(secret)) {
            Instant now = clock.instant();
            Optional<AccessToken> token = account.tokens().stream()
                    .filter(t -> t.usableAt(now) && t.secret().matches(secret))
                    .findFirst();
            token.ifPresent(used -> update(username, a -> a.withTokens(a.tokens().stream()
                    .map(t -> t.uuid().equals(used.uuid()) ? t.usedAt(now) : t).toList())));
            return token.map(t -> new Principal(account.name(), t.scope()));
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

    private void update(String user, UnaryOperator<Account> change) {
        if (users.computeIfPresent(user, (name, account) -> change.apply(account)) == null) {
            throw new IllegalArgumentException("no such user: " + user);
        }
    }

    private static String newId() {
        return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16)
                .putLong(UUID.randomUUID().getMostSignificantBits())
                .putLong(UUID.randomUUID().getLeastSignificantBits()).array());
    }

    /** A token just created, with its secret: the only moment the secret exists outside the client. */
    public record CreatedToken(AccessToken token, String secret) {
        @Override
        public String toString() {
            return "CreatedToken[" + token.uuid() + "]";
        }
    }
}
