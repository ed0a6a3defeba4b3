package dev.hubsim.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v2/<name>/tags/list} and {@code GET /v2/_catalog}: order, {@code n}/{@code last} paging and {@code Link}. */
class ListingHttpTest extends ConformanceTest {
    private static final String REPO = "alice/app";
    private static final Pattern NEXT = Pattern.compile("<(/v2/[^>]+)>; rel=\"next\"");
    /** Pushed in this order on purpose; lexical order differs (uppercase sorts before lowercase, "10" before "9"). */
    private static final List<String> TAGS = List.of("latest", "9", "10", "1.0", "V2", "a-b", "a_b", "a.b", "_x", "zeta");


    @Test
    void tagsAreListedInLexicalOrderWithTheRepositoryName() {
        pushTags(REPO, TAGS);

        Reply reply = http.get("/v2/" + REPO + "/tags/list").expect(200);

        assertThat(reply.json().path("name").asText()).isEqualTo(REPO);
        assertThat(strings(reply.json().path("tags"))).containsExactlyElementsOf(TAGS.stream().sorted().toList());
        assertThat(reply.header("Link")).isNull();
        assertThat(reply.header("Content-Type")).startsWith("application/json");
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {1, 2, 3, 4, 9, 10})
    void tagPagesFollowTheLinkUntilTheLastPage(int n) {
        pushTags(REPO, TAGS);

        List<String> all = followPages("/v2/" + REPO + "/tags/list?n=" + n, "tags", n);

        assertThat(all).containsExactlyElementsOf(TAGS.stream().sorted().toList());
    }

    @Test
    void linkNamesTheLastTagAndThePageSize() {
        pushTags(REPO, List.of("a", "b", "c"));

        Reply reply = http.get("/v2/" + REPO + "/tags/list?n=2").expect(200);

        assertThat(strings(reply.json().path("tags"))).containsExactly("a", "b");
        assertThat(reply.header("Link")).isEqualTo("</v2/" + REPO + "/tags/list?last=b&n=2>; rel=\"next\"");
    }

    @Test
    void pageSizeLargerThanTheListReturnsEverythingWithoutLink() {
        pushTags(REPO, List.of("a", "b"));

        Reply reply = http.get("/v2/" + REPO + "/tags/list?n=100").expect(200);

        assertThat(strings(reply.json().path("tags"))).containsExactly("a", "b");
        assertThat(reply.header("Link")).isNull();
    }

    @Test
    void exactlyFullLastPageHasNoLink() {
        pushTags(REPO, List.of("a", "b", "c", "d"));

        Reply reply = http.get("/v2/" + REPO + "/tags/list?n=2&last=b").expect(200);

        assertThat(strings(reply.json().path("tags"))).containsExactly("c", "d");
        assertThat(reply.header("Link")).isNull();
    }

    @Test
    void lastIsExclusiveAndNeedNotBeATag() {
        pushTags(REPO, List.of("a", "c", "e"));

        assertThat(strings(http.get("/v2/" + REPO + "/tags/list?last=a").expect(200).json().path("tags"))).containsExactly("c", "e");
        assertThat(strings(http.get("/v2/" + REPO + "/tags/list?last=b").expect(200).json().path("tags"))).containsExactly("c", "e");
        assertThat(strings(http.get("/v2/" + REPO + "/tags/list?last=z").expect(200).json().path("tags"))).isEmpty();
    }

    @Test
    void zeroPageSizeIsAnEmptyListWithoutLink() {
        pushTags(REPO, List.of("a", "b"));

        Reply tags = http.get("/v2/" + REPO + "/tags/list?n=0").expect(200);
        Reply catalog = http.get("/v2/_catalog?n=0").expect(200);

        assertThat(tags.json().path("tags")).isEmpty();
        assertThat(tags.header("Link")).isNull();
        assertThat(catalog.json().path("repositories")).isEmpty();
        assertThat(catalog.header("Link")).isNull();
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(strings = {"-1", "abc", "1.5", "99999999999999999999", "0x10", " "})
    void badPageSizeIsPaginationNumberInvalid(String n) {
        pushTags(REPO, List.of("a"));

        Reply tags = http.get("/v2/" + REPO + "/tags/list?n=" + n.replace(" ", "%20"));
        Reply catalog = http.get("/v2/_catalog?n=" + n.replace(" ", "%20"));

        for (Reply reply : List.of(tags, catalog)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.errorCode()).isEqualTo("PAGINATION_NUMBER_INVALID");
        }
    }

    @Test
    void tagsOfAnUnknownRepositoryIsNameUnknown() {
        pushTags(REPO, List.of("a"));

        Reply reply = http.get("/v2/nobody/here/tags/list").expect(404);

        assertThat(reply.errorCode()).isEqualTo("NAME_UNKNOWN");
    }

    @Test
    void repositoryWithBlobsButNoTagsListsNoTags() {
        http.pushBlob(REPO, TestImages.randomBytes(10));

        assertThat(http.get("/v2/" + REPO + "/tags/list").expect(200).json().path("tags")).isEmpty();
    }

    @Test
    void catalogListsRepositoriesInLexicalOrder() {
        List<String> names = List.of("zed/app", "alice/app", "alice/app/sub", "library/nginx", "bob/a-b", "bob/a.b", "bob/a_b");
        names.forEach(name -> pushTags(name, List.of("v1")));

        Reply reply = http.get("/v2/_catalog").expect(200);

        assertThat(strings(reply.json().path("repositories"))).containsExactlyElementsOf(names.stream().sorted().toList());
        assertThat(reply.header("Link")).isNull();
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {1, 2, 3, 5})
    void catalogPagesFollowTheLinkUntilTheLastPage(int n) {
        List<String> names = List.of("e/e", "d/d", "c/c", "b/b", "a/a");
        names.forEach(name -> http.pushBlob(name, TestImages.randomBytes(3)));

        List<String> all = followPages("/v2/_catalog?n=" + n, "repositories", n);

        assertThat(all).containsExactly("a/a", "b/b", "c/c", "d/d", "e/e");
    }

    @Test
    void catalogOfAnEmptyRegistryIsEmpty() {
        Reply reply = http.get("/v2/_catalog").expect(200);

        assertThat(reply.json().path("repositories").isArray()).isTrue();
        assertThat(reply.json().path("repositories")).isEmpty();
    }

    /** Fetches the first page and every {@code Link: rel="next"}; checks page sizes and that the last page has none. */
    private List<String> followPages(String first, String field, int n) {
        List<String> all = new ArrayList<>();
        String next = first;
        for (int pages = 0; next != null; pages++) {
            assertThat(pages).as("too many pages").isLessThan(50);
            Reply reply = http.get(next).expect(200);
            List<String> page = strings(reply.json().path(field));
            assertThat(page.size()).isLessThanOrEqualTo(n);
            all.addAll(page);
            String link = reply.header("Link");
            if (link == null) {
                next = null;
            } else {
                Matcher m = NEXT.matcher(link);
                assertThat(m.matches()).as(link).isTrue();
                assertThat(page).hasSize(n);
                next = m.group(1);
                assertThat(next).contains("last=" + page.get(page.size() - 1).replace("/", "%2F"))
                        .contains("n=" + n);
            }
        }
        return all;
    }

    private void pushTags(String repository, List<String> tags) {
        Image image = TestImages.ociImage();
        http.pushImage(repository, tags.get(0), image);
        tags.subList(1, tags.size()).forEach(tag -> http.pushManifest(repository, tag, image));
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(node -> strings.add(node.asText()));
        return strings;
    }
}
