package dev.drivenotes.reporter.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The dashboard views of {@code bigquery/views/} (packaged as {@code bigquery/views/*.sql}), created
 * in the DuckDB file from the same SQL, so both answer the same questions. The views are written in
 * the subset of BigQuery SQL that this class carries over to DuckDB:
 *
 * <ul>
 *   <li>{@code `${dataset}.x_latest`} and {@code `${dataset}.x`} read table {@code x} (DuckDB rows are
 *       upserted: one version per key already);
 *   <li>{@code SAFE_DIVIDE(a, b)} becomes {@code a / NULLIF(b, 0)} (NULL on a zero denominator, as in
 *       BigQuery);
 *   <li>{@code DATE_SUB(d, INTERVAL n DAY)} becomes {@code d - INTERVAL n DAY}, {@code CURRENT_DATE()}
 *       becomes {@code current_date}, {@code INT64} becomes {@code BIGINT}.
 * </ul>
 *
 * Everything else must mean the same in both (CASE, COALESCE, LEAST, FLOOR, ROUND, AVG, window
 * functions, CTEs); a view that DuckDB cannot create fails the reporter's start and its tests.
 */
final class DashboardViews {

    /** The dashboard views, in creation order (Terraform's {@code dashboard_views}). */
    static final List<String> VIEWS = List.of(
            "daily_note_accuracy",
            "accuracy_by_map_agent",
            "action_confusion",
            "calibration",
            "driving_score",
            "accuracy_by_condition");

    private static final Pattern TABLE = Pattern.compile("`\\$\\{dataset}\\.([a-z_]+?)(?:_latest)?`");
    private static final Pattern CURRENT_DATE = Pattern.compile("(?i)CURRENT_DATE\\(\\)");
    private static final Pattern INT64 = Pattern.compile("(?i)\\bINT64\\b");

    private DashboardViews() {}

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String view : VIEWS) {
                statement.execute("CREATE OR REPLACE VIEW " + view + " AS\n" + toDuckDb(bigQuerySql(view)));
            }
        }
    }

    /** The view's BigQuery SQL as packaged from {@code bigquery/views/<view>.sql}. */
    static String bigQuerySql(String view) {
        String resource = "/bigquery/views/" + view + ".sql";
        try (InputStream in = DashboardViews.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** BigQuery SQL of the subset described above, as DuckDB SQL. */
    static String toDuckDb(String sql) {
        String s = TABLE.matcher(sql).replaceAll("$1");
        s = CURRENT_DATE.matcher(s).replaceAll("current_date");
        s = INT64.matcher(s).replaceAll("BIGINT");
        s = rewriteCalls(s, "SAFE_DIVIDE", args -> "((" + args.get(0) + ") / NULLIF((" + args.get(1) + "), 0))");
        return rewriteCalls(s, "DATE_SUB", args -> "((" + args.get(0) + ") - " + args.get(1) + ")");
    }

    /** Replaces every call {@code name(a, b, ...)} (nested ones too) by {@code rewrite} of its arguments. */
    private static String rewriteCalls(String sql, String name, Function<List<String>, String> rewrite) {
        Pattern call = Pattern.compile("(?i)\\b" + name + "\\s*\\(");
        StringBuilder out = new StringBuilder();
        int from = 0;
        var m = call.matcher(sql);
        while (m.find(from)) {
            int close = closingParen(sql, m.end() - 1);
            List<String> args = new ArrayList<>();
            for (String arg : topLevelArguments(sql.substring(m.end(), close))) {
                args.add(rewriteCalls(arg, name, rewrite).strip());
            }
            out.append(sql, from, m.start()).append(rewrite.apply(args));
            from = close + 1;
        }
        return out.append(sql.substring(from)).toString();
    }

    private static int closingParen(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses after position " + open + " in: " + sql);
    }

    private static List<String> topLevelArguments(String inside) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(inside.substring(start, i));
                start = i + 1;
            }
        }
        args.add(inside.substring(start));
        return args;
    }
}
