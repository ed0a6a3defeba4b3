package dev.hubsim.simulator.registry;

import java.util.List;

/** Where repository metadata lives between runs: nowhere (in memory) or files under {@code --storage}. */
interface RepositoryIndex {

    /** Saves one repository's metadata; called under the repository's monitor after every change. */
    void save(RepositoryRecord record);

    /** Forgets one repository's metadata. */
    void delete(String name);

    /** Every repository saved before, to load at start. */
    List<RepositoryRecord> loadAll();

    /** Forgets every saved repository. */
    void deleteAll();

    /** An index that keeps nothing: the state lives only as long as the process. */
    RepositoryIndex IN_MEMORY = new RepositoryIndex() {
        @Override
        public void save(RepositoryRecord record) {
        }

        @Override
        public void delete(String name) {
        }

        @Override
        public List<RepositoryRecord> loadAll() {
            return List.of();
        }

        @Override
        public void deleteAll() {
        }
    };
}
