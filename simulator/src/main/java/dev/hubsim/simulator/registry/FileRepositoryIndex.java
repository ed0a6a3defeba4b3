package dev.hubsim.simulator.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hubsim.simulator.storage.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Repository metadata as one JSON file per repository ({@code repositories/<name>/_index.json}; the leading
 * underscore cannot start a repository path component, so names never collide), each written atomically.
 */
final class FileRepositoryIndex implements RepositoryIndex {
    private static final String FILE_NAME = "_index.json";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path root;

    FileRepositoryIndex(Path storageRoot) {
        this.root = storageRoot.resolve("repositories");
    }

    @Override
    public void save(RepositoryRecord record) {
        try {
            FileTrees.writeAtomically(root.resolve(record.name()).resolve(FILE_NAME), JSON.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save repository " + record.name(), e);
        }
    }

    @Override
    public void delete(String name) {
        try {
            Files.deleteIfExists(root.resolve(name).resolve(FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete repository " + name, e);
        }
    }

    @Override
    public List<RepositoryRecord> loadAll() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            for (Path file : all) {
                if (file.getFileName().toString().startsWith("." + FILE_NAME + ".tmp-")) {
                    Files.deleteIfExists(file); // left by a process killed while saving; the old index is intact
                }
            }
            return all.stream().filter(f -> f.getFileName().toString().equals(FILE_NAME)).map(FileRepositoryIndex::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read repository index under " + root, e);
        }
    }

    @Override
    public void deleteAll() {
        try {
            FileTrees.deleteRecursively(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the repository index under " + root, e);
        }
    }

    private static RepositoryRecord read(Path file) {
        try {
            return JSON.readValue(file.toFile(), RepositoryRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
