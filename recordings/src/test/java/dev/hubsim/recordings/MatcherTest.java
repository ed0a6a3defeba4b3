package dev.hubsim.recordings;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dev.hubsim.recordings.Exchanges.interaction;
import static dev.hubsim.recordings.Exchanges.request;
import static dev.hubsim.recordings.Exchanges.response;
import static org.assertj.core.api.Assertions.assertThat;

class MatcherTest {
    private static final String INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    private static final List<Interaction> SESSION = List.of(
            interaction(request("GET", "/token?scope=repository:library/nginx:pull,push&service=registry.docker.io"),
                    response(200, "{\"token\":\"hubsim-redacted-token-1\"}")),
            interaction(request("GET", "/v2/library/nginx/manifests/1.25", "Accept", INDEX + ", " + MANIFEST),
                    response(200, "{\"v\":1}")),
            interaction(request("GET", "/v2/library/nginx/tags/list?n=2"), response(200, "{\"tags\":[\"1.25\"]}")),
            interaction(request("PUT", "/v2/library/nginx/manifests/1.27", "Content-Type", MANIFEST), response(201, null)),
            interaction(request("GET", "/v2/library/nginx/tags/list?n=2"), response(200, "{\"tags\":[\"1.25\",\"1.27\"]}")),
            interaction(request("GET", "/v2/repositories/library/nginx/tags/1.25"), response(200, "{}")));

    private final Matcher matcher = new Matcher(SESSION, MatchRules.DEFAULT);

    @Test
    void matchesSemanticallyWhateverTheOrderOfAcceptQueryAndScope() {
        assertHit(matcher.match(request("GET", "/token?service=registry.docker.io&scope=repository:nginx:push,pull")), 0);
        assertHit(matcher.match(request("GET", "/v2/library/nginx/manifests/1.25",
                "Accept", MANIFEST + ";q=0.9", "Accept", INDEX)), 1);
        assertHit(matcher.match(request("GET", "/v2/library/nginx/manifests/1.25/", "Accept", INDEX + "," + MANIFEST)), 1);
        assertHit(matcher.match(request("GET", "/v2/repositories/library/nginx/tags/1.25")), 5);
        assertThat(((MatchResult.Hit) matcher.match(request("GET", "/v2/library/nginx/manifests/1.25",
                "Accept", INDEX + ", " + MANIFEST))).interaction()).isSameAs(SESSION.get(1));
    }

    @Test
    void repeatedRequestsAreAnsweredInRecordedOrderThenTheLastRepeats() {
        assertHit(matcher.match(request("GET", "/v2/library/nginx/tags/list?n=2")), 2);
        assertHit(matcher.match(request("GET", "/v2/library/nginx/tags/list?n=2")), 4);
        assertHit(matcher.match(request("GET", "/v2/library/nginx/tags/list?n=2")), 4);

        matcher.reset();

        assertHit(matcher.match(request("GET", "/v2/library/nginx/tags/list?n=2")), 2);
    }

    @Test
    void aMissNamesTheNearestRequestAndWhatDiffers() {
        MatchResult.Miss miss = assertMiss(matcher.match(request("GET", "/v2/library/nginx/manifests/1.27",
                "Accept", INDEX + ", " + MANIFEST)));

        assertThat(miss.nearestIndex()).isEqualTo(1);
        assertThat(miss.differences()).containsExactly(new Difference(MatchRule.REFERENCE, "1.27", "1.25"));
        assertThat(miss.description())
                .isEqualTo("nearest: GET /v2/library/nginx/manifests/1.25 — reference differs (1.27 vs 1.25)");
    }

    @Test
    void aMissListsEveryDifference() {
        MatchResult.Miss miss = assertMiss(matcher.match(request("GET", "/v2/library/redis/tags/list?n=5")));

        assertThat(miss.nearestIndex()).isEqualTo(2);
        assertThat(miss.description()).isEqualTo("nearest: GET /v2/library/nginx/tags/list?n=2 — "
                + "repository differs (library/redis vs library/nginx); query differs (n=5 vs n=2)");

        MatchResult.Miss method = assertMiss(matcher.match(request("DELETE", "/v2/library/nginx/manifests/1.27")));
        assertThat(method.differences()).extracting(Difference::rule).containsExactly(MatchRule.METHOD);
        assertThat(method.nearestIndex()).isEqualTo(3);
    }

    @Test
    void rulesCanBeSwitchedOffOrMadeExact() {
        Matcher anyReference = new Matcher(SESSION, MatchRules.DEFAULT.with(MatchRule.REFERENCE, MatchMode.OFF));
        assertHit(anyReference.match(request("GET", "/v2/library/nginx/manifests/latest", "Accept", INDEX + ", " + MANIFEST)), 1);

        Matcher exactAccept = new Matcher(SESSION, MatchRules.DEFAULT.with(MatchRule.ACCEPT, MatchMode.EXACT));
        assertThat(assertMiss(exactAccept.match(request("GET", "/v2/library/nginx/manifests/1.25",
                "Accept", MANIFEST + ", " + INDEX))).differences()).extracting(Difference::rule)
                .containsExactly(MatchRule.ACCEPT);

        Matcher anyAccept = new Matcher(SESSION, MatchRules.DEFAULT.with(MatchRule.ACCEPT, MatchMode.OFF));
        assertHit(anyAccept.match(request("GET", "/v2/library/nginx/manifests/1.25")), 1);

        Matcher exactPath = new Matcher(SESSION, MatchRules.DEFAULT.with(MatchRule.PATH, MatchMode.EXACT));
        assertMiss(exactPath.match(request("GET", "/v2/repositories/library/nginx/tags/1.25/")));

        Matcher exactScope = new Matcher(SESSION, MatchRules.DEFAULT.with(MatchRule.SCOPE, MatchMode.EXACT));
        assertThat(assertMiss(exactScope.match(
                request("GET", "/token?scope=repository:library/nginx:push,pull&service=registry.docker.io")))
                .description()).endsWith("scope differs (repository:library/nginx:push,pull vs repository:library/nginx:pull,push)");
    }

    @Test
    void normalisedMethodAnswersAHeadWithTheRecordedGet() {
        assertMiss(matcher.match(request("HEAD", "/v2/repositories/library/nginx/tags/1.25")));
        Matcher headIsGet = new Matcher(SESSION, MatchRules.DEFAULT.with(MatchRule.METHOD, MatchMode.NORMALISED));
        assertHit(headIsGet.match(request("HEAD", "/v2/repositories/library/nginx/tags/1.25")), 5);
    }

    @Test
    void normalisedPathsArePercentDecodedAndExactQueriesKeepTheirOrder() {
        List<Interaction> recorded = List.of(interaction(
                request("GET", "/v2/a/b/tags/list?n=1&last=x"), response(200, "{}")));
        assertHit(new Matcher(recorded, MatchRules.DEFAULT).match(request("GET", "/v2/a%2Fb/tags/list?last=x&n=1")), 0);
        Matcher exactQuery = new Matcher(recorded, MatchRules.DEFAULT.with(MatchRule.QUERY, MatchMode.EXACT));
        assertThat(assertMiss(exactQuery.match(request("GET", "/v2/a/b/tags/list?last=x&n=1"))).description())
                .endsWith("query differs (last=x&n=1 vs n=1&last=x)");
    }

    @Test
    void secretQueryValuesNeitherPreventAMatchNorShowInADescription() {
        List<Interaction> recorded = List.of(interaction(
                request("GET", "/v2/users/me?access_token=hubsim-redacted-token-1&page=1"), response(200, "{}")));
        Matcher secrets = new Matcher(recorded, MatchRules.DEFAULT);

        assertHit(secrets.match(request("GET", "/v2/users/me?access_token=real-secret-value&page=1")), 0);
        assertThat(assertMiss(secrets.match(request("GET", "/v2/users/me?access_token=real-secret-value&page=2")))
                .differences().toString()).doesNotContain("real-secret-value").contains("access_token=***&page=2");
    }

    @Test
    void anEmptyRecordingMissesWithoutANearest() {
        MatchResult.Miss miss = assertMiss(new Matcher(List.of(), MatchRules.DEFAULT).match(request("GET", "/v2/")));
        assertThat(miss.nearest()).isNull();
        assertThat(miss.description()).isEqualTo("the recording has no interactions");
    }

    @Test
    void concurrentRepeatsEachGetTheirOwnRecordedAnswer() throws Exception {
        int repeats = 64;
        List<Interaction> recorded = IntStream.range(0, repeats)
                .mapToObj(i -> interaction(request("GET", "/v2/a/tags/list"), response(200, "{\"n\":" + i + "}"))).toList();
        Matcher concurrent = new Matcher(recorded, MatchRules.DEFAULT);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return ((MatchResult.Hit) concurrent.match(request("GET", "/v2/a/tags/list"))).index();
            }));
        }
        start.countDown();
        List<Integer> indexes = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            indexes.add(answer.get());
        }
        pool.shutdown();
        Collections.sort(indexes);
        assertThat(indexes).isEqualTo(IntStream.range(0, repeats).boxed().toList());
    }

    private static void assertHit(MatchResult result, int index) {
        assertThat(result).isInstanceOfSatisfying(MatchResult.Hit.class, hit -> assertThat(hit.index()).isEqualTo(index));
    }

    private static MatchResult.Miss assertMiss(MatchResult result) {
        assertThat(result).isInstanceOf(MatchResult.Miss.class);
        return (MatchResult.Miss) result;
    }
}
