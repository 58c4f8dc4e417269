package org.joinedup.platform.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain JDBC a read model needs, written once: a query mapped row by row, and an update, each on
 * a connection of the caller's transaction. Arguments go through {@code setObject} (pass
 * {@code Timestamp}s, not {@code Instant}s). A failure names the SQLState, never the values.
 */
public final class Jdbc {
    private Jdbc() {
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    public static <T> List<T> query(DataSource dataSource, String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(row.read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** @return the number of rows changed */
    public static int update(DataSource dataSource, String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("a read-model statement failed (SQLState " + e.getSQLState() + ")", e);
    }
}
