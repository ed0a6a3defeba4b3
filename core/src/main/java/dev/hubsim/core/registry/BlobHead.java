package dev.hubsim.core.registry;

import dev.hubsim.core.auth.RequiredAccess;
import dev.hubsim.core.reference.Digest;
import java.util.Optional;
import okhttp3.Request;
import okhttp3.Response;

/** {@code HEAD /v2/<name>/blobs/<digest>}: 200 means the blob is there (with its size), 404 that it is not. */
final class BlobHead {
    private final RegistryCaller caller;

    BlobHead(RegistryCaller caller) {
        this.caller = caller;
    }

    Optional<BlobInfo> check(String repository, Digest digest) {
        RequiredAccess access = RequiredAccess.pull("check blob " + digest, repository);
        Response response = caller.call(new Request.Builder()
                .url(caller.url(repository, "blobs", digest.toString()).build()).head(), access);
        if (response.code() == 404) {
            response.close();
            return Optional.empty();
        }
        if (response.code() != 200) {
            throw caller.failure(response, access);
        }
        try (response) {
            String length = response.header("Content-Length");
            if (length == null || !length.trim().matches("\\d{1,18}")) {
                throw caller.protocol(response, access, "the answer has no valid Content-Length header");
            }
            return Optional.of(new BlobInfo(digest, Long.parseLong(length.trim())));
        }
    }
}
