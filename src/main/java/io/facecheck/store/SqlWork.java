package io.facecheck.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection inside a transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
