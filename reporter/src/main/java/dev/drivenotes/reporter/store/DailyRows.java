package dev.drivenotes.reporter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads rows of the {@code metrics_daily} table, keyed by (day, map, agent, condition). */
final class DailyRows {

    private DailyRows() {}

    static List<DailyMetrics> between(Connection c, LocalDate from, LocalDate to) throws SQLException {
        String sql = "SELECT * FROM metrics_daily WHERE day BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)"
                + " ORDER BY day, map, agent, condition";
        List<DailyMetrics> days = new ArrayList<>();
        try (PreparedStatement q = DuckDb.bind(c.prepareStatement(sql), from.toString(), to.toString());
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                days.add(new DailyMetrics(
                        rs.getObject("day", LocalDate.class),
                        rs.getString("map"),
                        rs.getString("agent"),
                        rs.getString("condition"),
                        rs.getInt("experiments"),
                        ScorecardColumns.read(rs)));
            }
        }
        return days;
    }
}
