package dev.hubsim.core.registry;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.core.auth.RequiredAccess;
import dev.hubsim.core.error.ProtocolViolationException;
import dev.hubsim.core.error.TransportException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code GET /v2/<name>/tags/list?n=<page size>}, following {@code Link: <...>; rel="next"} until the last page.
 * A next link that is malformed or comes back to a page already read is a protocol violation.
 */
final class TagLister {
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*\\brel=\"?next\"?");

    private final RegistryCaller caller;

    TagLister(RegistryCaller caller) {
        this.caller = caller;
    }

    List<String> list(String repository, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be >= 1, got " + pageSize);
        }
        RequiredAccess access = RequiredAccess.pull("list tags", repository);
        List<String> tags = new ArrayList<>();
        Set<HttpUrl> seen = new HashSet<>();
        HttpUrl page = caller.url(repository, "tags", "list").addQueryParameter("n", String.valueOf(pageSize)).build();
        while (page != null) {
            if (!seen.add(page)) {
                throw new ProtocolViolationException(access.operation(), access.target(), 200,
                        "the Link header leads back to a page already read: " + page);
            }
            // GET /v2/<name>/tags/list?n=<n>[&last=<tag>]
            Response response = caller.call(new Request.Builder().url(page).get(), access);
            if (response.code() != 200) {
                throw caller.failure(response, access);
            }
            try (response) {
                tags.addAll(tagsOf(response, access));
                page = next(response, access).orElse(null);
            }
        }
        return List.copyOf(tags);
    }

    private List<String> tagsOf(Response response, RequiredAccess access) {
        JsonNode root;
        try {
            root = caller.json().readTree(response.body().string());
        } catch (JacksonException e) {
            throw caller.protocol(response, access, "the tags list is not JSON");
        } catch (IOException e) {
            throw new TransportException(access.operation(), access.target(), e);
        }
        JsonNode array = root == null ? null : root.get("tags");
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw caller.protocol(response, access, "the tags list's 'tags' is not an array");
        }
        List<String> tags = new ArrayList<>();
        array.forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    private Optional<HttpUrl> next(Response response, RequiredAccess access) {
        String link = response.header("Link");
        if (link == null) {
            return Optional.empty();
        }
        Matcher m = NEXT_LINK.matcher(link);
        if (!m.find()) {
            return Optional.empty();
        }
        HttpUrl next = response.request().url().resolve(m.group(1));
        if (next == null) {
            throw caller.protocol(response, access, "the Link header '" + RegistryCaller.abbreviate(link)
                    + "' has no valid URL");
        }
        return Optional.of(next);
    }
}
