package dev.hubsim.core.registry;

import dev.hubsim.core.auth.RequiredAccess;
import dev.hubsim.core.error.DigestMismatchException;
import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.InvalidManifestException;
import dev.hubsim.core.manifest.Manifest;
import dev.hubsim.core.oci.InvalidLayoutException;
import dev.hubsim.core.oci.OciImageLayout;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One image push from an OCI layout: configs and layers in parallel (skipped when the repository has them, mounted
 * when a source repository is given, uploaded monolithic or streamed in one PATCH by size, checked against their
 * digests by the registry), then the manifests: an index's children by digest, and last the named manifest or index
 * under the target's tag.
 */
final class ImagePush {
    private final RegistryClient registry;
    private final ImageReference target;
    private final PushOptions options;
    private final AtomicInteger uploaded = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger mounted = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    ImagePush(RegistryClient registry, ImageReference target, PushOptions options) {
        this.registry = registry;
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
    }

    PushedImage from(Path directory, String name) {
        OciImageLayout layout = OciImageLayout.open(directory);
        Descriptor named = layout.find(name).orElseThrow(() -> new InvalidLayoutException("the OCI layout " + directory
                + " has no image named '" + name + "'; it has " + layout.manifests().stream()
                .map(d -> d.annotations().getOrDefault(OciImageLayout.REF_NAME, d.digest().toString())).toList()));
        if (target.digest() != null && !target.digest().equals(named.digest())) {
            throw new DigestMismatchException("push image", target.toString(), target.digest(), named.digest(),
                    "the image '" + name + "' of the layout");
        }
        LayoutManifest top = LayoutManifest.read(layout, named);
        List<LayoutManifest> images = new ArrayList<>();
        if (top.manifest().isIndex()) {
            for (Descriptor entry : top.manifest().manifests()) {
                LayoutManifest child = LayoutManifest.read(layout, entry);
                if (child.manifest().isIndex()) {
                    throw new InvalidLayoutException("the index " + named.digest() + " in " + directory
                            + " lists another index (" + entry.digest() + "); nested indexes are not supported");
                }
                images.add(child);
            }
        } else {
            images.add(top);
        }
        Map<Digest, Descriptor> blobs = new LinkedHashMap<>();
        images.forEach(image -> image.manifest().blobReferences().forEach(blob -> blobs.putIfAbsent(blob.digest(), blob)));
        TransferTracker tracker = new TransferTracker(options.listener(),
                blobs.values().stream().mapToLong(Descriptor::size).sum());
        BoundedParallel.run(List.copyOf(blobs.values()), options.concurrency(), blob -> push(blob, layout, tracker),
                "push image", target.toString());
        if (top.manifest().isIndex()) {
            // PUT /v2/<name>/manifests/<digest> for each child: an index is accepted only after its children
            images.forEach(child -> registry.putManifest(
                    new ImageReference(target.registry(), target.repository(), null, child.descriptor().digest()),
                    child.manifest().mediaType(), child.bytes()));
        }
        ImageReference where = target.tag() != null
                ? new ImageReference(target.registry(), target.repository(), target.tag(), null) : target;
        Digest digest = registry.putManifest(where, top.manifest().mediaType(), top.bytes());
        return new PushedImage(target, digest, uploaded.get(), skipped.get(), mounted.get(), bytes.get());
    }

    private void push(Descriptor blob, OciImageLayout layout, TransferTracker tracker) {
        String repository = target.repository();
        // HEAD /v2/<name>/blobs/<digest>
        if (registry.checkBlob(repository, blob.digest()).isPresent()) {
            skipped.incrementAndGet();
            tracker.skipped(blob);
            return;
        }
        BlobContent content = tracker.counting(blob, layoutBlob(layout, blob.digest()));
        String from = options.mountFrom();
        if (from != null && !from.equals(repository)) {
            String operation = "mount blob " + blob.digest() + " from " + from;
            RequiredAccess access = RequiredAccess.push(operation, repository).plusPull(from)
                    .on(operation, target.toString());
            if (registry.mountNamedBlob(access, repository, blob.digest(), from, content) == MountOutcome.MOUNTED) {
                mounted.incrementAndGet();
                tracker.mounted(blob);
                return;
            }
        } else {
            String operation = "push blob " + blob.digest();
            RequiredAccess access = RequiredAccess.push(operation, repository).on(operation, target.toString());
            registry.pushNamedBlob(access, repository, blob.digest(), content);
        }
        uploaded.incrementAndGet();
        bytes.addAndGet(blob.size());
        tracker.completed(blob);
    }

    /** A blob of the layout, read again from an offset when an upload resumes. */
    private static BlobContent.Reopenable layoutBlob(OciImageLayout layout, Digest digest) {
        return new BlobContent.Reopenable() {
            @Override
            public long size() {
                return layout.blobSize(digest);
            }

            @Override
            public InputStream open(long offset) {
                return layout.openBlob(digest, offset);
            }
        };
    }

    /** A manifest of the layout: its descriptor, exact bytes (checked against the digest) and model. */
    private record LayoutManifest(Descriptor descriptor, byte[] bytes, Manifest manifest) {

        static LayoutManifest read(OciImageLayout layout, Descriptor descriptor) {
            long size = layout.blobSize(descriptor.digest());
            if (size > ManifestOperations.MAX_MANIFEST_BYTES) {
                throw new InvalidLayoutException("the manifest " + descriptor.digest() + " in " + layout.directory()
                        + " is " + size + " bytes, more than the " + ManifestOperations.MAX_MANIFEST_BYTES + " allowed");
            }
            byte[] bytes = layout.readBlob(descriptor.digest());
            Digest actual = Digest.of(descriptor.digest().algorithm(), bytes);
            if (!actual.equals(descriptor.digest())) {
                throw new InvalidLayoutException("the blob " + descriptor.digest() + " in " + layout.directory()
                        + " has digest " + actual);
            }
            try {
                return new LayoutManifest(descriptor, bytes, Manifest.parse(bytes, descriptor.mediaType()));
            } catch (InvalidManifestException e) {
                throw new InvalidLayoutException("the manifest " + descriptor.digest() + " in " + layout.directory()
                        + " is not valid: " + e.getMessage(), e);
            }
        }
    }
}
