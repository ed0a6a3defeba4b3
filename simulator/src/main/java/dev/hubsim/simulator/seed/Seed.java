package dev.hubsim.simulator.seed;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hubsim.core.manifest.Platform;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.simulator.auth.Accounts;
import dev.hubsim.simulator.auth.PatScope;
import dev.hubsim.simulator.auth.Plan;
import dev.hubsim.simulator.fault.FaultRule;
import dev.hubsim.simulator.fault.FaultRuleJson;
import dev.hubsim.simulator.auth.TotpSecret;
import dev.hubsim.simulator.registry.RegistryState;
import dev.hubsim.simulator.vulnerability.Vulnerabilities;
import dev.hubsim.simulator.vulnerability.Vulnerability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a fresh simulator holds: users (with passwords, plans, personal access tokens and two-factor secrets),
 * organisations, repositories with their privacy and descriptions, synthetic images generated deterministically from
 * their description, webhooks, image scan results and fault rules ({@code faults:}, each as the admin API takes it,
 * see {@link FaultRuleJson}).
 * Read from a YAML or JSON file ({@code --seed}) and from {@code --user NAME:PASSWORD}; applied at start and
 * after every reset. {@code toString()} never shows a password or token.
 */
public record Seed(List<User> users, @JsonAlias("organizations") List<Organisation> organisations,
                   List<Repository> repositories, List<Image> images, List<Webhook> webhooks,
                   List<Scan> vulnerabilities,
                   @JsonDeserialize(contentUsing = FaultRuleJson.Deserializer.class) List<FaultRule> faults) {
    public static final Seed EMPTY = new Seed(List.of(), List.of(), List.of(), List.of());
    private static final Set<String> SECRET_FIELDS = Set.of("password", "token", "tokens", "totp_secret");

    public Seed {
        users = users == null ? List.of() : List.copyOf(users);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        repositories = repositories == null ? List.of() : List.copyOf(repositories);
        images = images == null ? List.of() : List.copyOf(images);
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        vulnerabilities = vulnerabilities == null ? List.of() : List.copyOf(vulnerabilities);
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /** A seed of accounts, repositories and images only. */
    public Seed(List<User> users, List<Organisation> organisations, List<Repository> repositories, List<Image> images) {
        this(users, organisations, repositories, images, List.of(), List.of(), List.of());
    }

    /** Reads a seed file (YAML, of which JSON is a subset); the message of a bad one names the file and the problem. */
    public static Seed load(Path file) {
        Seed seed;
        try {
            // Made here, not at class load: a start without a seed file need not load YAML.
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            // Read as a tree first: an empty (or comment-only) file is an empty seed, not an error.
            JsonNode tree = yaml.readTree(file.toFile());
            seed = tree == null || tree.isMissingNode() || tree.isNull() ? EMPTY : yaml.treeToValue(tree, Seed.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read seed file " + file + ": " + describe(e));
        }
        try {
            seed.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid seed file " + file + ": " + e.getMessage(), e);
        }
        return seed;
    }

    /**
     * What is wrong with a seed file, without echoing values that may be secrets: the place (field path, line and
     * column) always, Jackson's own words only when they concern no password or token field. The cause is dropped
     * for the same reason.
     */
    private static String describe(IOException error) {
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            boolean secret = mapping.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .anyMatch(f -> f != null && SECRET_FIELDS.contains(f));
            return "at " + path + location(mapping.getLocation()) + ": "
                    + (secret ? "this field holds a value of the wrong type or shape" : firstLine(mapping.getOriginalMessage()));
        }
        if (error instanceof JsonProcessingException processing) {
            return "malformed YAML or JSON" + location(processing.getLocation());
        }
        return firstLine(error.getMessage());
    }

    private static String location(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /**
     * Checks the values read as text (plans, token scopes, image references, platforms, layer sizes) and the fault
     * rule ids, so a bad file fails when it is loaded rather than when the simulator starts.
     */
    private void validate() {
        for (User user : users) {
            planOf(user);
            user.tokens().forEach(Token::scope);
            user.totp();
        }
        for (Image image : images) {
            if (ImageReference.parse(image.reference()).digest() != null) {
                throw new IllegalArgumentException("seeded image " + image.reference() + " must be named by a tag, not a digest");
            }
            image.platforms().forEach(Platform::parse);
            image.layers().forEach(ByteSize::parse);
        }
        webhooks.forEach(Webhook::toWebhook);
        for (Scan scan : vulnerabilities) {
            if (scan.image() == null) {
                throw new IllegalArgumentException("a vulnerabilities entry needs an image: a reference such as "
                        + "acme/web:1.0 or a digest");
            }
            if (!Digest.isValid(scan.image())) {
                ImageReference.parse(scan.image());
            }
        }
        Set<String> faultIds = new HashSet<>();
        for (FaultRule fault : faults) {
            if (fault.id() != null && !faultIds.add(fault.id())) {
                throw new IllegalArgumentException("two fault rules have the id '" + fault.id() + "'");
            }
        }
    }

    private static Plan planOf(User user) {
        if (user.plan() == null) {
            return Plan.FREE;
        }
        try {
            return Plan.valueOf(user.plan().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown plan '" + user.plan() + "' for user " + user.name()
                    + ": use free, pro, team or business");
        }
    }

    /** This seed plus users given as {@code NAME:PASSWORD}. */
    public Seed withUsers(List<String> namePasswords) {
        List<User> more = new ArrayList<>(users);
        for (String pair : namePasswords) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException(colon < 0
                        ? "a user is NAME:PASSWORD, but this one has no ':'"
                        : "a user is NAME:PASSWORD with both parts non-empty, got '" + pair.substring(0, colon) + ":...'");
            }
            more.add(new User(pair.substring(0, colon), pair.substring(colon + 1), null, false, List.of()));
        }
        return new Seed(more, organisations, repositories, images, webhooks, vulnerabilities, faults);
    }

    /** Puts everything into the state: accounts first, then repositories, then images. */
    public void apply(RegistryState registry, Accounts accounts) {
        for (User user : users) {
            accounts.addUser(user.name(), user.password(), planOf(user), user.catalog());
            for (Token token : user.tokens()) {
                accounts.addToken(user.name(), token.token(), token.scope(), token.label() == null ? "seeded" : token.label());
            }
            if (user.totpSecret() != null) {
                accounts.enableTotp(user.name(), user.totp());
            }
        }
        for (Organisation organisation : organisations) {
            accounts.addOrganisation(organisation.name(), Set.copyOf(organisation.members()));
        }
        for (Repository repository : repositories) {
            registry.setPrivate(repository.name(), repository.isPrivate());
            if (repository.description() != null || repository.fullDescription() != null) {
                registry.describeRepository(repository.name(), Objects.requireNonNullElse(repository.description(), ""),
                        Objects.requireNonNullElse(repository.fullDescription(), ""));
            }
        }
        for (Image image : images) {
            SyntheticImage.push(registry, ImageReference.parse(image.reference()), image);
        }
    }

    /** The seeded webhooks, as the simulator configures them. */
    public List<dev.hubsim.simulator.webhook.Webhook> webhookConfigurations() {
        return webhooks.stream().map(Webhook::toWebhook).toList();
    }

    /**
     * Stores the seeded scan results; call after {@link #apply}, since an image named by tag must be in the registry.
     *
     * @throws IllegalArgumentException when a tag names no image
     */
    public void applyScans(Vulnerabilities scans) {
        for (Scan scan : vulnerabilities) {
            try {
                scans.set(scan.image(), scan.vulnerabilities());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("seeded vulnerabilities of " + scan.image() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "Seed[" + users.size() + " users, " + organisations.size() + " organisations, " + repositories.size()
                + " repositories, " + images.size() + " images, " + webhooks.size() + " webhooks, "
                + vulnerabilities.size() + " scanned images, " + faults.size() + " faults]";
    }

    /**
     * A user; plan is free, pro, team or business; {@code totp_secret} (base32) turns on two-factor authentication,
     * so that logging in to the Hub API with the password needs a TOTP code.
     */
    public record User(String name, String password, String plan, boolean catalog, List<Token> tokens,
                       @JsonProperty("totp_secret") String totpSecret) {
        public User {
            if (name == null || password == null) {
                throw new IllegalArgumentException("a seeded user needs a name and a password");
            }
            tokens = tokens == null ? List.of() : List.copyOf(tokens);
        }

        /** A user without two-factor authentication. */
        public User(String name, String password, String plan, boolean catalog, List<Token> tokens) {
            this(name, password, plan, catalog, tokens, null);
        }

        /** The two-factor secret, or null; a malformed one fails naming the user, never the secret. */
        TotpSecret totp() {
            if (totpSecret == null) {
                return null;
            }
            try {
                return TotpSecret.parse(totpSecret);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the totp_secret of user " + name + " is invalid: " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "User[" + name + "]";
        }
    }

    /** A personal access token with a known secret ({@code dckr_pat_...}) and its scope ({@code repo:write}, ...). */
    public record Token(String label, String token, @JsonProperty("scope") String scopeName) {
        public PatScope scope() {
            String name = scopeName == null ? PatScope.WRITE.wireName() : scopeName;
            return PatScope.byWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown token scope '"
                    + name + "': use repo:admin, repo:write, repo:read or repo:public_read"));
        }

        @Override
        public String toString() {
            return "Token[" + label + "]";
        }
    }

    /** An organisation and the users who belong to it. */
    public record Organisation(String name, List<String> members) {
        public Organisation {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    /** A repository, public unless {@code private: true}, with optional Hub descriptions. */
    public record Repository(String name, @JsonProperty("private") boolean isPrivate, String description,
                             @JsonProperty("full_description") String fullDescription) {
        /** A repository without descriptions. */
        public Repository(String name, boolean isPrivate) {
            this(name, isPrivate, null, null);
        }
    }

    /**
     * A synthetic image: a reference such as {@code library/nginx:1.27}, its platforms (default linux/amd64; more
     * than one makes an index) and layer sizes such as {@code 5MB} or {@code 200KB} (default one 1 MB layer).
     */
    public record Image(String reference, List<String> platforms, List<String> layers) {
        public Image {
            platforms = platforms == null || platforms.isEmpty() ? List.of("linux/amd64") : List.copyOf(platforms);
            layers = layers == null || layers.isEmpty() ? List.of("1MB") : List.copyOf(layers);
        }
    }

    /** A repository's webhook: a name and the URL its push payloads are POSTed to. */
    public record Webhook(String repository, String name, String url) {
        dev.hubsim.simulator.webhook.Webhook toWebhook() {
            return dev.hubsim.simulator.webhook.Webhook.of(repository, name, url);
        }
    }

    /**
     * The scan results of an image: a reference ({@code acme/web:1.0}, resolved once the seed's images are pushed)
     * or a digest, and its vulnerabilities ({@code id, severity, cvss, package, installed_version, fixed_version}).
     */
    public record Scan(String image, List<Vulnerability> vulnerabilities) {
        public Scan {
            vulnerabilities = vulnerabilities == null ? List.of() : List.copyOf(vulnerabilities);
        }
    }
}
