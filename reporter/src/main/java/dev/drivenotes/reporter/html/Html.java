package dev.drivenotes.reporter.html;

import java.util.List;
import java.util.Locale;

/**
 * Escaping and number formatting for the server-rendered reports. A share without a denominator is
 * null and reads "n/a", never "0.0 %".
 */
public final class Html {

    /** What a value without a denominator reads as. */
    public static final String NOT_AVAILABLE = "n/a";

    private Html() {}

    /** Escapes text for element content and for double- or single-quoted attribute values. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A share 0..1 as a percentage with one decimal ("83.3 %"), "n/a" for null. */
    public static String pct(Double share) {
        return share == null ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** A share with the counts behind it: "83.3 % (25 of 30)", or "n/a (0 notes)". */
    public static String pctOf(Double share, int count, int of) {
        return share == null ? NOT_AVAILABLE + " (0 notes)" : pct(share) + " (" + count + " of " + of + ")";
    }

    /** A legend: one coloured swatch and name per entry. */
    public static String legend(List<String> names, List<String> colours) {
        StringBuilder html = new StringBuilder("<div class=\"legend\">");
        for (int i = 0; i < names.size(); i++) {
            html.append("<span><i class=\"swatch\" style=\"background:")
                    .append(esc(colours.get(i)))
                    .append("\"></i>")
                    .append(esc(names.get(i)))
                    .append("</span>");
        }
        return html.append("</div>").toString();
    }

    /** A number with {@code decimals} decimals, "n/a" for null. */
    public static String num(Double value, int decimals) {
        return value == null ? NOT_AVAILABLE : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
