package dev.drivenotes.carla.client;

import java.util.HexFormat;

/** Hex written by hand in tests: bytes separated by spaces, {@code #} comments to the end of a line. */
public final class Hex {

    private Hex() {}

    public static byte[] bytes(String text) {
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\n")) {
            int comment = line.indexOf('#');
            digits.append((comment < 0 ? line : line.substring(0, comment)).replaceAll("\\s+", ""));
        }
        return HexFormat.of().parseHex(digits.toString());
    }

    /** The hex of a UTF-8 string's bytes. */
    public static String of(String ascii) {
        return HexFormat.ofDelimiter(" ").formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static String format(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
