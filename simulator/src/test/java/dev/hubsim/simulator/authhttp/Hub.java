package dev.hubsim.simulator.authhttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestClock;
import dev.hubsim.simulator.testing.TestImages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A token-auth simulator with a fixed cast, and a client that talks to it as Docker's clients do: fetch a token
 * from {@code /token} (anonymous or Basic), then send it as {@code Authorization: Bearer}.
 *
 * <p>Cast: alice (password {@value #ALICE_PASSWORD}, may list the catalog, one PAT per scope), bob (an outsider),
 * carol (member of organisation acme with alice). Repositories: alice/secret and acme/internal private,
 * alice/open and library/nginx public, each holding one synthetic image tagged {@code 1.0}.
 */
final class Hub implements AutoCloseable {
    static final String SERVICE = "registry.docker.io";
    static final String ALICE_PASSWORD = "alice-pw-Zq81";
    static final String BOB_PASSWORD = "bob-pw-Kx22";
    static final String CAROL_PASSWORD = "carol-pw-Mn37";
    static final String PAT_PUBLIC_READ = "dckr_pat_alicePublicReadAAAA";
    static final String PAT_READ = "dckr_pat_aliceReadBBBBBBBBBB";
    static final String PAT_WRITE = "dckr_pat_aliceWriteCCCCCCCCC";
    static final String PAT_ADMIN = "dckr_pat_aliceAdminDDDDDDDDD";
    static final String ALICE = "alice:" + ALICE_PASSWORD;
    static final String BOB = "bob:" + BOB_PASSWORD;
    static final String CAROL = "carol:" + CAROL_PASSWORD;

    private static final ObjectMapper JSON = new ObjectMapper();

    final Simulator simulator;
    final RegistryHttp http;

    private Hub(Simulator simulator) {
        this.simulator = simulator;
        this.http = new RegistryHttp(simulator.baseUri());
    }

    static Seed seed() {
        return new Seed(
                List.of(new Seed.User("alice", ALICE_PASSWORD, null, true, List.of(
                                new Seed.Token("pr", PAT_PUBLIC_READ, "repo:public_read"),
                                new Seed.Token("r", PAT_READ, "repo:read"),
                                new Seed.Token("w", PAT_WRITE, "repo:write"),
                                new Seed.Token("a", PAT_ADMIN, "repo:admin"))),
                        new Seed.User("bob", BOB_PASSWORD, null, false, List.of()),
                        new Seed.User("carol", CAROL_PASSWORD, null, false, List.of())),
                List.of(new Seed.Organisation("acme", List.of("alice", "carol"))),
                List.of(new Seed.Repository("alice/secret", true), new Seed.Repository("acme/internal", true),
                        new Seed.Repository("alice/open", false)),
                List.of(image("alice/secret:1.0"), image("acme/internal:1.0"), image("alice/open:1.0"),
                        image("library/nginx:1.0")));
    }

    private static Seed.Image image(String reference) {
        return new Seed.Image(reference, null, List.of("1KB"));
    }

    /** Starts the cast with token auth on a clock standing at a whole second. */
    static Hub start() {
        return new Hub(Simulator.builder().auth(AuthMode.TOKEN).clock(new TestClock()).seed(seed()).start());
    }

    String port() {
        return Integer.toString(simulator.port());
    }

    // ---- token service ----------------------------------------------------------------------------------------

    /** GET /token for the scopes, with Basic credentials {@code user:secret} or anonymously (null). */
    Reply tokenReply(String credentials, String... scopes) {
        return tokenQuery(credentials, "", scopes);
    }

    /** The same with extra query text (e.g. {@code &offline_token=true}). */
    Reply tokenQuery(String credentials, String extraQuery, String... scopes) {
        StringBuilder target = new StringBuilder("/token?service=" + SERVICE + extraQuery);
        for (String scope : scopes) {
            target.append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        return credentials == null ? http.get(target.toString())
                : http.get(target.toString(), "Authorization", basic(credentials));
    }

    /** A token for the scopes; fails unless the token service answers 200. */
    String token(String credentials, String... scopes) {
        return tokenReply(credentials, scopes).expect(200).json().get("token").asText();
    }

    /** POST /token with form fields given as name/value pairs. */
    Reply postToken(String... fields) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            pairs.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return http.post("/token", String.join("&", pairs).getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded");
    }

    static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** The JWT's claims, decoded without checking the signature. */
    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JWT's header. */
    static JsonNode header(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code access} claim as "type:name:a,b" strings, in order. */
    static List<String> access(String jwt) {
        List<String> access = new ArrayList<>();
        for (JsonNode entry : claims(jwt).get("access")) {
            List<String> actions = new ArrayList<>();
            entry.get("actions").forEach(a -> actions.add(a.asText()));
            access.add(entry.get("type").asText() + ":" + entry.get("name").asText() + ":" + String.join(",", actions));
        }
        return access;
    }

    // ---- registry with a bearer token ---------------------------------------------------------------------------

    Reply get(String token, String target, String... headers) {
        return http.get(target, with(token, headers));
    }

    Reply head(String token, String target, String... headers) {
        return http.head(target, with(token, headers));
    }

    Reply delete(String token, String target) {
        return http.delete(target, with(token));
    }

    Reply put(String token, String target, byte[] body, String... headers) {
        return http.put(target, body, with(token, headers));
    }

    Reply post(String token, String target, byte[] body, String... headers) {
        return http.post(target, body, with(token, headers));
    }

    Reply getManifest(String token, String repository, String reference) {
        return get(token, "/v2/" + repository + "/manifests/" + reference, "Accept", RegistryHttp.ACCEPT_ALL);
    }

    /** Pushes a whole image (blobs, then the manifest) with the token; fails unless every step succeeds. */
    void pushImage(String token, String repository, String tag, TestImages.Image image) {
        for (TestImages.Blob blob : image.blobs()) {
            pushBlob(token, repository, blob.bytes());
        }
        put(token, "/v2/" + repository + "/manifests/" + tag, image.bytes(), "Content-Type", image.mediaType())
                .expect(201);
    }

    Digest pushBlob(String token, String repository, byte[] content) {
        Digest digest = Digest.sha256(content);
        String location = post(token, "/v2/" + repository + "/blobs/uploads/", new byte[0]).expect(202).location();
        put(token, RegistryHttp.withParameter(location, "digest", digest.toString()), content,
                "Content-Type", "application/octet-stream").expect(201);
        return digest;
    }

    /** The digest of the first layer of a seeded single-platform image, read with the token. */
    String firstLayer(String token, String repository) {
        return getManifest(token, repository, "1.0").expect(200).json().get("layers").get(0).get("digest").asText();
    }

    private static String[] with(String token, String... headers) {
        if (token == null) {
            return headers;
        }
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    /** The challenge parameters of a WWW-Authenticate header, e.g. {realm=..., service=..., scope=...}. */
    static Map<String, String> challenge(Reply reply) {
        String header = reply.header("WWW-Authenticate");
        if (header == null || !header.startsWith("Bearer ")) {
            throw new AssertionError("no Bearer challenge in " + reply);
        }
        // params are key="value" separated by commas; values may hold commas (scope actions)
        Map<String, String> params = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(header.substring(7));
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        return params;
    }

    static String joined(List<String> values) {
        return values.stream().collect(Collectors.joining(" "));
    }

    /** A token from another simulator's token service (anonymous). */
    record Foreign(Simulator other) {
        String token(String scope) {
            return new RegistryHttp(other.baseUri()).get("/token?service=" + SERVICE + "&scope=" + scope)
                    .expect(200).json().get("token").asText();
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
