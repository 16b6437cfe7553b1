package dev.drivenotes.reporter.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One DuckDB file behind one JDBC connection. DuckDB allows a single writing process per file and a
 * connection is not safe for concurrent use, so every unit of work holds one lock.
 */
final class DuckDb implements AutoCloseable {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private DuckDb(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static DuckDb open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
            return new DuckDb(absolute, DriverManager.getConnection("jdbc:duckdb:" + absolute));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + absolute, e);
        } catch (SQLException e) {
            throw new MetricsSinkException("cannot open DuckDB file " + absolute, e);
        }
    }

    Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed or none. Called inside another
     * transaction of the same thread, it joins that one (the outer transaction commits).
     */
    <T> T transaction(String what, Work<T> work) {
        lock.lock();
        try {
            if (!connection.getAutoCommit()) {
                return work.run(connection);
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new MetricsSinkException("DuckDB could not " + what + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs a read (or a single auto-committed statement). */
    <T> T call(String what, Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new MetricsSinkException("DuckDB could not " + what + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Binds {@code values} to the statement's parameters, in order; null binds SQL NULL. */
    static PreparedStatement bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        return statement;
    }

    static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = bind(connection.prepareStatement(sql), values)) {
            return statement.executeUpdate();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new MetricsSinkException("cannot close DuckDB file " + file, e);
        } finally {
            lock.unlock();
        }
    }
}
