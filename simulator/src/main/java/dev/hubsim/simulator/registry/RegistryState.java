package dev.hubsim.simulator.registry;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.InvalidManifestException;
import dev.hubsim.core.manifest.Manifest;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.reference.InvalidDigestException;
import dev.hubsim.simulator.storage.BlobStore;
import dev.hubsim.simulator.storage.IncomingBlob;

import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The registry's state in plain Java: repositories, tags, manifests, linked blobs and upload sessions, and what the
 * Hub API shows of them (descriptions, dates, pull counts, tag history). Every operation validates its input and
 * fails with a {@link RegistryException} carrying the registry error code; a refused request changes nothing.
 */
public final class RegistryState {
    /** Distribution's limit on a manifest body; OCI asks for 413 above it. */
    public static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    private final Map<String, Repository> repositories = new ConcurrentHashMap<>();
    private final BlobStore blobs;
    private final RepositoryIndex index;
    private final Uploads uploads;
    private final Clock clock;
    private final List<Consumer<TagPush>> pushListeners = new CopyOnWriteArrayList<>();
    private volatile boolean privateByDefault;

    private RegistryState(BlobStore blobs, RepositoryIndex index, Clock clock, Duration uploadIdleTimeout) {
        this.blobs = blobs;
        this.index = index;
        this.clock = clock;
        this.uploads = new Uploads(blobs, clock, uploadIdleTimeout, this::linkBlob);
        index.loadAll().forEach(this::restore);
    }

    /** A state whose blobs live under {@code root} and whose metadata lives only in memory. */
    public static RegistryState inMemory(Path root, Clock clock, Duration uploadIdleTimeout) {
        return new RegistryState(new BlobStore(root), RepositoryIndex.IN_MEMORY, clock, uploadIdleTimeout);
    }

    /** A state persisted under {@code root}: loads what is there, saves every change atomically. */
    public static RegistryState persistent(Path root, Clock clock, Duration uploadIdleTimeout) {
        return new RegistryState(new BlobStore(root), new FileRepositoryIndex(root), clock, uploadIdleTimeout);
    }

    /** Whether repositories created by a push start private (Docker Hub: public unless the account says otherwise). */
    public void setPrivateByDefault(boolean privateByDefault) {
        this.privateByDefault = privateByDefault;
    }

    /** Whether a repository is private; empty when it does not exist. */
    public Optional<Boolean> privacy(String name) {
        Repository repository = repositories.get(name);
        return repository == null ? Optional.empty() : Optional.of(repository.isPrivate());
    }

    /** Creates the repository if needed (it then shows in the Hub API even while empty) and sets whether it is private. */
    public void setPrivate(String name, boolean isPrivate) {
        validName(name);
        Repository repository = createIfAbsent(name);
        synchronized (repository) {
            repository.declare();
            repository.setPrivate(isPrivate);
            save(repository);
        }
    }

    /** Calls {@code listener} after every push of a tag (once per tag), on the pushing thread: keep it quick. */
    public void onTagPush(Consumer<TagPush> listener) {
        pushListeners.add(listener);
    }

    /** Forgets every repository, upload and blob: the state of a fresh simulator. */
    public void clear() {
        uploads.cancelAll();
        repositories.clear();
        index.deleteAll();
        blobs.clear();
    }

    /** The upload sessions. */
    public Uploads uploads() {
        return uploads;
    }

    // ---- manifests ----------------------------------------------------------------------------------------

    /** The manifest a tag or digest names. */
    public StoredManifest manifest(String name, String reference) {
        Repository repository = existing(name, RegistryErrorCode.MANIFEST_UNKNOWN);
        Digest digest = resolve(repository, reference);
        return repository.manifest(digest).orElseThrow(() -> manifestUnknown(name, reference));
    }

    /** The manifest with this digest in the repository, if any (for the manifest-list fallback). */
    public Optional<StoredManifest> manifest(String name, Digest digest) {
        Repository repository = repositories.get(name);
        return repository == null ? Optional.empty() : repository.manifest(digest);
    }

    /**
     * Stores a manifest under a tag or digest (plus any extra tags), after checking its bytes, media type, digest
     * and that every blob and child manifest it references is in the repository.
     */
    public StoredManifest putManifest(String name, String reference, byte[] bytes, String contentType, List<String> extraTags) {
        return putManifest(name, reference, bytes, contentType, extraTags, null);
    }

    /** As {@link #putManifest(String, String, byte[], String, List)}, remembering who pushed (null: anonymous). */
    public StoredManifest putManifest(String name, String reference, byte[] bytes, String contentType,
                                      List<String> extraTags, String pusher) {
        return store(name, reference, bytes, contentType, extraTags, pusher, true);
    }

    /**
     * Stores a manifest copied from an upstream registry (a pull-through cache): checked as a push is (bytes, media
     * type, digest), but the blobs and child manifests it references need not be here yet, and it is not a push (no
     * push listeners, no pusher).
     */
    public StoredManifest putMirroredManifest(String name, String reference, byte[] bytes, String contentType) {
        return store(name, reference, bytes, contentType, List.of(), null, false);
    }

    private StoredManifest store(String name, String reference, byte[] bytes, String contentType,
                                 List<String> extraTags, String pusher, boolean isPush) {
        validName(name);
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw RegistryException.of(RegistryErrorCode.MANIFEST_INVALID, "manifest is larger than the "
                    + MAX_MANIFEST_BYTES + "-byte limit").withStatus(413);
        }
        Manifest model;
        try {
            model = Manifest.parse(bytes, contentType);
        } catch (InvalidManifestException e) {
            throw RegistryException.of(RegistryErrorCode.MANIFEST_INVALID, e.getMessage());
        }
        Digest digest;
        List<String> tags = new ArrayList<>(extraTags);
        if (isDigest(reference)) {
            Digest claimed = parseDigest(reference);
            digest = Digest.of(claimed.algorithm(), bytes);
            if (!digest.equals(claimed)) {
                throw RegistryException.of(RegistryErrorCode.DIGEST_INVALID, "manifest digest " + digest
                        + " does not match " + claimed + " in the URL");
            }
        } else {
            digest = Digest.sha256(bytes);
            tags.add(0, reference);
        }
        tags.forEach(RegistryState::validTag);
        if (isPush && !repositories.containsKey(name)) {
            checkReferences(new Repository(name, false, clock.instant()), model);
        }
        Repository repository = createIfAbsent(name);
        Instant now = clock.instant();
        StoredManifest stored = new StoredManifest(digest, model.mediaType(), bytes, model);
        synchronized (repository) {
            if (isPush) {
                checkReferences(repository, model);
            }
            blobs.putSmall(digest, bytes);
            repository.manifests().put(digest, stored);
            for (String tag : tags) {
                repository.tags().put(tag, digest);
                repository.tagHistory().put(tag, new TagHistory(now, pusher, null));
            }
            repository.touch(now);
            save(repository);
        }
        if (isPush) {
            for (String tag : tags) {
                TagPush push = new TagPush(name, tag, digest, pusher, now);
                pushListeners.forEach(listener -> listener.accept(push));
            }
        }
        return stored;
    }

    /** The manifest a tag or digest names, if the repository has it. */
    public Optional<StoredManifest> findManifest(String name, String reference) {
        Repository repository = repositories.get(name);
        if (repository == null) {
            return Optional.empty();
        }
        Digest digest = isDigest(reference) ? parseDigest(reference) : repository.tags().get(reference);
        return digest == null ? Optional.empty() : repository.manifest(digest);
    }

    /**
     * Counts a pull of the manifest a tag or digest names (the Hub API's {@code pull_count}) and updates the
     * tags' last-pulled time. Saved with the repository's next change, not on every pull.
     */
    public void recordPull(String name, String reference) {
        Repository repository = repositories.get(name);
        if (repository == null) {
            return;
        }
        repository.pullCount().incrementAndGet();
        Instant now = clock.instant();
        List<String> pulledTags = isDigest(reference) ? repository.tagsOf(parseDigest(reference)) : List.of(reference);
        pulledTags.forEach(tag -> repository.tagHistory().computeIfPresent(tag, (t, history) -> history.pulledAt(now)));
    }

    /** Deletes a manifest by digest, and the tags that point at it. Docker Hub refuses deletion by tag. */
    public void deleteManifest(String name, String reference) {
        Repository repository = existing(name, RegistryErrorCode.MANIFEST_UNKNOWN);
        if (!isDigest(reference)) {
            validTag(reference);
            throw RegistryException.of(RegistryErrorCode.UNSUPPORTED, "manifests are deleted by digest; "
                    + "Docker Hub deletes tags through its Hub API, not the registry");
        }
        Digest digest = parseDigest(reference);
        synchronized (repository) {
            if (repository.manifests().remove(digest) == null) {
                throw manifestUnknown(name, reference);
            }
            repository.tags().values().removeIf(digest::equals);
            repository.tagHistory().keySet().retainAll(repository.tags().keySet());
            save(repository);
        }
    }

    // ---- the Hub's view -----------------------------------------------------------------------------------

    /** The repositories of a namespace that the Hub API shows, by name. */
    public List<RepositoryView> repositoriesOf(String namespace) {
        return repositories.values().stream()
                .filter(r -> r.isVisibleInHub() && r.name().startsWith(namespace + "/")
                        && r.name().indexOf('/', namespace.length() + 1) < 0)
                .sorted(Comparator.comparing(Repository::name))
                .map(RegistryState::view)
                .toList();
    }

    /** A repository as the Hub API shows it; empty when it does not exist there. */
    public Optional<RepositoryView> repositoryView(String name) {
        Repository repository = repositories.get(name);
        return repository == null || !repository.isVisibleInHub() ? Optional.empty() : Optional.of(view(repository));
    }

    /** Creates an empty repository, as the Hub API does; false when it already exists. */
    public boolean createRepository(String name, boolean isPrivate, String description, String fullDescription) {
        validName(name);
        Repository repository = createIfAbsent(name);
        synchronized (repository) {
            if (repository.isVisibleInHub()) {
                return false;
            }
            repository.declare();
            repository.setPrivate(isPrivate);
            repository.describe(description, fullDescription);
            save(repository);
            return true;
        }
    }

    /** Changes the descriptions of an existing repository; false when there is no such repository. */
    public boolean describeRepository(String name, String description, String fullDescription) {
        Repository repository = repositories.get(name);
        if (repository == null || !repository.isVisibleInHub()) {
            return false;
        }
        synchronized (repository) {
            repository.describe(description, fullDescription);
            repository.touch(clock.instant());
            save(repository);
            return true;
        }
    }

    /** Removes a tag (the manifest stays, reachable by digest), as the Hub API's tag delete; false when no such tag. */
    public boolean deleteTag(String name, String tag) {
        Repository repository = repositories.get(name);
        if (repository == null) {
            return false;
        }
        synchronized (repository) {
            if (repository.tags().remove(tag) == null) {
                return false;
            }
            repository.tagHistory().remove(tag);
            save(repository);
            return true;
        }
    }

    /** Deletes a repository with its tags, manifests and blob links, as the Hub API does; false when absent. */
    public boolean deleteRepository(String name) {
        Repository repository = repositories.remove(name);
        if (repository == null) {
            return false;
        }
        synchronized (repository) {
            index.delete(name);
            return true;
        }
    }

    /** Saves every repository, so counters kept only in memory between changes (pull counts) survive a restart. */
    public void saveAll() {
        repositories.values().forEach(repository -> {
            synchronized (repository) {
                save(repository);
            }
        });
    }

    private static RepositoryView view(Repository repository) {
        List<RepositoryView.TagView> tags = repository.tags().entrySet().stream()
                .flatMap(tag -> repository.manifest(tag.getValue()).stream()
                        .map(manifest -> new RepositoryView.TagView(tag.getKey(), manifest,
                                repository.tagHistory().get(tag.getKey()))))
                .filter(tag -> tag.history() != null)
                .toList();
        return new RepositoryView(repository.name(), repository.isPrivate(), repository.description(),
                repository.fullDescription(), repository.created(), repository.lastUpdated(),
                repository.pullCount().get(), tags);
    }

    // ---- blobs --------------------------------------------------------------------------------------------

    /** The size of a blob linked into the repository. */
    public long blobSize(String name, Digest digest) {
        validName(name);
        Repository repository = repositories.get(name);
        if (repository == null || !repository.blobs().contains(digest)) {
            throw blobUnknown(digest);
        }
        return blobs.size(digest).orElseThrow(() -> blobUnknown(digest));
    }

    /** True when the blob is linked into the repository and stored. */
    public boolean hasBlob(String name, Digest digest) {
        Repository repository = repositories.get(name);
        return repository != null && repository.blobs().contains(digest) && blobs.contains(digest);
    }

    /**
     * Receives a blob of the repository as a stream (a pull-through cache copying it from upstream): written to
     * scratch and hashed on the way, stored and linked only by {@link IncomingBlob#commit()} when the digest matches.
     * Close it in every case; closing without a commit stores nothing.
     */
    public IncomingBlob receiveBlob(String name, Digest digest) {
        validName(name);
        return blobs.incoming(digest, () -> linkBlob(name, digest));
    }

    /** Opens a blob linked into the repository. */
    public FileChannel openBlob(String name, Digest digest) {
        blobSize(name, digest);
        return blobs.open(digest).orElseThrow(() -> blobUnknown(digest));
    }

    /** Unlinks a blob from the repository (the file stays while other repositories link it). */
    public void deleteBlob(String name, Digest digest) {
        validName(name);
        Repository repository = repositories.get(name);
        if (repository == null) {
            throw blobUnknown(digest);
        }
        synchronized (repository) {
            if (!repository.blobs().remove(digest)) {
                throw blobUnknown(digest);
            }
            save(repository);
        }
    }

    /**
     * Cross-repository mount: links a blob of {@code from} into {@code name}. False when the source does not
     * have it (the caller then starts a normal upload, as the spec says).
     */
    public boolean mountBlob(String name, Digest digest, String from) {
        validName(name);
        Repository source = repositories.get(from);
        if (source == null || !source.blobs().contains(digest) || !blobs.contains(digest)) {
            return false;
        }
        linkBlob(name, digest);
        return true;
    }

    /**
     * Stores content as a blob of the repository without a client upload (seeding): streamed through an upload
     * session, so it is hashed on the way and never held whole in memory.
     */
    public Digest importBlob(String name, InputStream content) {
        validName(name);
        Upload upload = uploads.start(name);
        uploads.append(name, upload.id(), content, null, null);
        return uploads.complete(name, upload.id(), upload.sha256SoFar().toString(), InputStream.nullInputStream(),
                null, null);
    }

    /** Validates a repository name for routes that create state (uploads). */
    public void checkName(String name) {
        validName(name);
    }

    // ---- listings -----------------------------------------------------------------------------------------

    /** Tags of a repository in lexical order, after {@code last} (exclusive), at most {@code limit}. */
    public Page tags(String name, Integer limit, String last) {
        Repository repository = existing(name, RegistryErrorCode.NAME_UNKNOWN);
        return Page.of(repository.tags().keySet(), limit, last);
    }

    /** Repositories holding anything, in lexical order, after {@code last}, at most {@code limit}. */
    public Page catalog(Integer limit, String last) {
        List<String> names = repositories.values().stream().filter(r -> !r.isEmpty()).map(Repository::name)
                .sorted().toList();
        return Page.of(names, limit, last);
    }

    /** The manifests whose {@code subject} is this digest, optionally only those of one artifact type. */
    public List<Descriptor> referrers(String name, Digest subject, String artifactType) {
        Repository repository = existing(name, RegistryErrorCode.NAME_UNKNOWN);
        return repository.manifests().values().stream()
                .filter(m -> m.model().subjectDescriptor().map(s -> s.digest().equals(subject)).orElse(false))
                .map(StoredManifest::asReferrer)
                .filter(d -> artifactType == null || artifactType.equals(d.artifactType()))
                .sorted(Comparator.comparing(d -> d.digest().toString()))
                .toList();
    }

    // ---- internals ----------------------------------------------------------------------------------------

    void linkBlob(String name, Digest digest) {
        Repository repository = createIfAbsent(name);
        synchronized (repository) {
            if (repository.blobs().add(digest)) {
                save(repository);
            }
        }
    }

    private Repository createIfAbsent(String name) {
        validName(name);
        return repositories.computeIfAbsent(name, n -> new Repository(n, privateByDefault, clock.instant()));
    }

    private void checkReferences(Repository repository, Manifest model) {
        List<Descriptor> required = model.isIndex() ? model.manifests() : model.blobReferences();
        List<Map<String, String>> missing = new ArrayList<>();
        for (Descriptor descriptor : required) {
            boolean present = model.isIndex()
                    ? repository.manifests().containsKey(descriptor.digest())
                    : repository.blobs().contains(descriptor.digest()) || isForeign(descriptor);
            if (!present) {
                missing.add(Map.of("digest", descriptor.digest().toString()));
            }
        }
        if (!missing.isEmpty()) {
            String what = model.isIndex() ? "child manifest" : "blob";
            throw RegistryException.of(RegistryErrorCode.MANIFEST_BLOB_UNKNOWN, "manifest references "
                    + missing.size() + " unknown " + what + (missing.size() == 1 ? "" : "s") + ": "
                    + missing.stream().map(m -> m.get("digest")).toList(), missing.size() == 1 ? missing.get(0) : missing);
        }
    }

    /** Foreign (non-distributable) layers with URLs need not be in the registry. */
    private static boolean isForeign(Descriptor descriptor) {
        return MediaTypes.DOCKER_LAYER_FOREIGN.equals(descriptor.mediaType()) && !descriptor.urls().isEmpty();
    }

    private Repository existing(String name, RegistryErrorCode whenMissing) {
        validName(name);
        Repository repository = repositories.get(name);
        if (repository == null || repository.isEmpty()) {
            throw RegistryException.of(whenMissing, whenMissing.defaultMessage(), Map.of("name", name));
        }
        return repository;
    }

    private Digest resolve(Repository repository, String reference) {
        if (isDigest(reference)) {
            return parseDigest(reference);
        }
        validTag(reference);
        Digest digest = repository.tags().get(reference);
        if (digest == null) {
            throw manifestUnknown(repository.name(), reference);
        }
        return digest;
    }

    private void save(Repository repository) {
        index.save(RepositoryRecord.of(repository));
    }

    private void restore(RepositoryRecord record) {
        repositories.put(record.name(), record.toRepository(blobs, clock.instant()));
    }

    private static boolean isDigest(String reference) {
        return reference.indexOf(':') >= 0;
    }

    private static Digest parseDigest(String text) {
        try {
            return Digest.parse(text);
        } catch (InvalidDigestException e) {
            throw RegistryException.of(RegistryErrorCode.DIGEST_INVALID, e.getMessage());
        }
    }

    private static void validName(String name) {
        if (!ImageReference.isValidRepositoryName(name)) {
            throw RegistryException.of(RegistryErrorCode.NAME_INVALID, "invalid repository name '" + name
                    + "': lowercase components of [a-z0-9] joined by '.', '_', '__' or '-', separated by '/', at most 255 characters",
                    Map.of("name", name));
        }
    }

    private static void validTag(String tag) {
        if (!ImageReference.isValidTag(tag)) {
            throw RegistryException.of(RegistryErrorCode.TAG_INVALID, "invalid tag '" + tag
                    + "': up to 128 characters of [A-Za-z0-9_.-], not starting with '.' or '-'", Map.of("tag", tag));
        }
    }

    private static RegistryException manifestUnknown(String name, String reference) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("name", name);
        detail.put(isDigest(reference) ? "digest" : "tag", reference);
        return RegistryException.of(RegistryErrorCode.MANIFEST_UNKNOWN, "manifest unknown", detail);
    }

    private static RegistryException blobUnknown(Digest digest) {
        return RegistryException.of(RegistryErrorCode.BLOB_UNKNOWN, "blob unknown to registry", Map.of("digest", digest.toString()));
    }

    /** One page of a lexically sorted listing, and whether more follow. */
    public record Page(List<String> items, boolean more) {
        static Page of(Collection<String> sorted, Integer limit, String last) {
            Stream<String> after = sorted.stream().filter(s -> last == null || s.compareTo(last) > 0);
            if (limit == null) {
                return new Page(after.toList(), false);
            }
            List<String> window = after.limit(limit + 1L).toList();
            boolean more = window.size() > limit;
            return new Page(more ? window.subList(0, limit) : window, more);
        }
    }
}
