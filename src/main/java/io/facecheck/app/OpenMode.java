package io.facecheck.app;

import io.facecheck.store.Database;

/**
 * Whether opening the database may create what is not there (see {@link Database.OpenMode}): only what sets a
 * database up (enroll, {@code employees add}, the first admin account, restore into an empty target) creates; the
 * rest use {@link #EXISTING}, so that a mistyped {@code --db} is an error instead of a new, empty database.
 */
public enum OpenMode {
    CREATE(Database.OpenMode.CREATE),
    EXISTING(Database.OpenMode.EXISTING);

    private final Database.OpenMode store;

    OpenMode(Database.OpenMode store) {
        this.store = store;
    }

    Database.OpenMode store() {
        return store;
    }
}
