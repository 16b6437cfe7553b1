package dev.drivenotes.carla.map.opendrive;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small non-validating pull scanner for well-formed XML held in memory, faster than the JDK's StAX
 * on OpenDRIVE files (see {@link OpenDriveLoader}): it works on the UTF-8 bytes, creates strings only for element
 * names and for the attributes asked for, and skips text it is not asked for. It checks what a map
 * loader needs to reject broken input: one root element, matching end tags, quoted attribute values,
 * known entities, nothing but comments and processing instructions outside the root, no truncation.
 * Document type declarations are skipped, never interpreted (no entity expansion, no external access).
 *
 * <p>Over 300 lines for a reason: it is one tokenizer state machine over one byte buffer (position,
 * open elements, attribute offsets), and every part of it reads and moves that state and reports
 * errors at its line; split up, the parts would pass the buffer and the position around without any
 * of them getting simpler.
 */
final class XmlScanner implements XmlCursor {

    private final byte[] b;
    private final int n;
    private int pos;
    private final List<String> open = new ArrayList<>();
    private boolean rootSeen;
    private boolean pendingEnd;
    private String name;
    private int attrCount;
    private int[] attr = new int[4 * 8]; // name start, name end, value start, value end
    private int textStart;
    private int textEnd;
    private boolean textRaw;

    XmlScanner(byte[] input) {
        byte[] utf8 = toUtf8(input);
        this.b = utf8;
        this.n = utf8.length;
        this.pos = utf8.length >= 3 && (utf8[0] & 0xff) == 0xEF && (utf8[1] & 0xff) == 0xBB && (utf8[2] & 0xff) == 0xBF
                ? 3
                : 0;
    }

    /** Advances to the next START, END, TEXT or EOF (comments, processing instructions and DOCTYPE skipped). */
    @Override
    public int next() {
        if (pendingEnd) {
            pendingEnd = false;
            name = open.removeLast();
            return END;
        }
        attrCount = 0;
        while (true) {
            if (pos >= n) {
                if (!open.isEmpty()) {
                    throw error("the file ends inside <" + open.getLast() + "> (truncated?)");
                }
                if (!rootSeen) {
                    throw error("no root element");
                }
                return EOF;
            }
            if (b[pos] != '<') {
                int s = pos;
                int lt = indexOf((byte) '<', pos);
                pos = lt < 0 ? n : lt;
                if (open.isEmpty()) {
                    requireBlank(s, pos);
                    continue;
                }
                textStart = s;
                textEnd = pos;
                textRaw = false;
                return TEXT;
            }
            if (startsWith("<?")) {
                pos = after("?>", "processing instruction");
            } else if (startsWith("<!--")) {
                pos = after("-->", "comment");
            } else if (startsWith("<![CDATA[")) {
                if (open.isEmpty()) {
                    throw error("CDATA outside the root element");
                }
                textStart = pos + 9;
                pos = after("]]>", "CDATA section");
                textEnd = pos - 3;
                textRaw = true;
                return TEXT;
            } else if (startsWith("<!DOCTYPE")) {
                skipDoctype();
            } else if (startsWith("</")) {
                pos += 2;
                String closing = readName();
                skipBlank();
                expect('>');
                if (open.isEmpty() || !open.getLast().equals(closing)) {
                    throw error("end tag </" + closing + "> does not match "
                            + (open.isEmpty() ? "any open element" : "<" + open.getLast() + ">"));
                }
                name = open.removeLast();
                return END;
            } else {
                return startTag();
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** The value of an attribute of the current START element, entities decoded; null when absent. */
    @Override
    public String attribute(String attrName) {
        int len = attrName.length();
        for (int i = 0; i < attrCount; i++) {
            int ns = attr[4 * i];
            int ne = attr[4 * i + 1];
            if (ne - ns == len && sameAscii(ns, attrName)) {
                return decode(attr[4 * i + 2], attr[4 * i + 3]);
            }
        }
        return null;
    }

    /** The current TEXT, entities decoded (CDATA as is). */
    @Override
    public String text() {
        return textRaw
                ? new String(b, textStart, textEnd - textStart, StandardCharsets.UTF_8)
                : decode(textStart, textEnd);
    }

    @Override
    public int line() {
        int line = 1;
        for (int i = 0; i < Math.min(pos, n); i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private int startTag() {
        if (rootSeen && open.isEmpty()) {
            throw error("content after the root element");
        }
        pos++;
        name = readName();
        while (true) {
            boolean spaced = skipBlank();
            if (pos >= n) {
                throw error("the file ends inside the tag <" + name + ">");
            }
            byte c = b[pos];
            if (c == '>') {
                pos++;
                break;
            }
            if (c == '/') {
                expectAt(pos + 1, '>');
                pos += 2;
                pendingEnd = true;
                break;
            }
            if (!spaced) {
                throw error("attributes of <" + name + "> must be separated by white space");
            }
            readAttribute();
        }
        open.add(name);
        rootSeen = true;
        return START;
    }

    private void readAttribute() {
        int ns = pos;
        readName();
        int ne = pos;
        skipBlank();
        expect('=');
        skipBlank();
        if (pos >= n || (b[pos] != '"' && b[pos] != '\'')) {
            throw error("attribute value in <" + name + "> is not quoted");
        }
        byte quote = b[pos++];
        int vs = pos;
        int ve = indexOf(quote, pos);
        if (ve < 0) {
            throw error("the file ends inside an attribute value of <" + name + ">");
        }
        for (int i = vs; i < ve; i++) {
            if (b[i] == '<') {
                pos = i;
                throw error("'<' in an attribute value of <" + name + ">");
            }
        }
        pos = ve + 1;
        if (4 * attrCount + 4 > attr.length) {
            attr = java.util.Arrays.copyOf(attr, attr.length * 2);
        }
        attr[4 * attrCount] = ns;
        attr[4 * attrCount + 1] = ne;
        attr[4 * attrCount + 2] = vs;
        attr[4 * attrCount + 3] = ve;
        attrCount++;
    }

    private String readName() {
        int s = pos;
        while (pos < n) {
            byte c = b[pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>' || c == '=' || c == '<') {
                break;
            }
            pos++;
        }
        if (pos == s) {
            throw error(pos >= n ? "the file ends inside a tag" : "a name was expected");
        }
        byte first = b[s];
        if (!(Character.isLetter(first) || first == '_' || first == ':' || first < 0)) {
            throw error("'" + (char) first + "' cannot start a name");
        }
        return new String(b, s, pos - s, StandardCharsets.UTF_8);
    }

    private String decode(int s, int e) {
        int amp = -1;
        for (int i = s; i < e; i++) {
            if (b[i] == '&') {
                amp = i;
                break;
            }
        }
        if (amp < 0) {
            return new String(b, s, e - s, StandardCharsets.UTF_8);
        }
        StringBuilder out = new StringBuilder(new String(b, s, amp - s, StandardCharsets.UTF_8));
        int i = amp;
        while (i < e) {
            if (b[i] != '&') {
                int next = i;
                while (next < e && b[next] != '&') {
                    next++;
                }
                out.append(new String(b, i, next - i, StandardCharsets.UTF_8));
                i = next;
                continue;
            }
            int semi = i + 1;
            while (semi < e && b[semi] != ';' && semi - i < 12) {
                semi++;
            }
            if (semi >= e || b[semi] != ';') {
                throw error("'&' that does not start an entity");
            }
            String entity = new String(b, i + 1, semi - i - 1, StandardCharsets.US_ASCII);
            out.appendCodePoint(entity(entity));
            i = semi + 1;
        }
        return out.toString();
    }

    private int entity(String entity) {
        switch (entity) {
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "amp":
                return '&';
            case "quot":
                return '"';
            case "apos":
                return '\'';
            default:
                try {
                    if (entity.startsWith("#x")) {
                        return Integer.parseInt(entity.substring(2), 16);
                    }
                    if (entity.startsWith("#")) {
                        return Integer.parseInt(entity.substring(1));
                    }
                } catch (NumberFormatException e) {
                    throw error("bad character reference &" + entity + ";");
                }
                throw error("unknown entity &" + entity + ";");
        }
    }

    private void skipDoctype() {
        if (rootSeen) {
            throw error("DOCTYPE after the root element");
        }
        int depth = 0;
        for (int i = pos + 9; i < n; i++) {
            byte c = b[i];
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                pos = i + 1;
                return;
            }
        }
        pos = n;
        throw error("the file ends inside the DOCTYPE");
    }

    private boolean skipBlank() {
        int s = pos;
        while (pos < n && (b[pos] == ' ' || b[pos] == '\n' || b[pos] == '\t' || b[pos] == '\r')) {
            pos++;
        }
        return pos > s;
    }

    private void requireBlank(int s, int e) {
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                pos = i;
                throw error(
                        rootSeen ? "content after the root element" : "content is not allowed before the root element");
            }
        }
    }

    private void expect(char c) {
        expectAt(pos, c);
        pos++;
    }

    private void expectAt(int at, char c) {
        if (at >= n || b[at] != c) {
            pos = Math.min(at, n);
            throw error(at >= n ? "the file ends inside a tag" : "'" + c + "' expected in <" + name + ">");
        }
    }

    private int after(String end, String what) {
        for (int i = pos + 2; i + end.length() <= n; i++) {
            if (b[i] == end.charAt(0) && sameAsciiAt(i, end)) {
                return i + end.length();
            }
        }
        pos = n;
        throw error("the file ends inside a " + what);
    }

    private boolean startsWith(String s) {
        return pos + s.length() <= n && sameAsciiAt(pos, s);
    }

    private boolean sameAscii(int at, String s) {
        return sameAsciiAt(at, s);
    }

    private boolean sameAsciiAt(int at, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte c, int from) {
        for (int i = from; i < n; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private MalformedXmlException error(String message) {
        return new MalformedXmlException("line " + line() + ": " + message);
    }

    /** Re-encodes UTF-16 (by byte-order mark) and declared non-UTF-8 encodings as UTF-8. */
    private static byte[] toUtf8(byte[] in) {
        if (in.length >= 2
                && ((in[0] & 0xff) == 0xFE && (in[1] & 0xff) == 0xFF
                        || (in[0] & 0xff) == 0xFF && (in[1] & 0xff) == 0xFE)) {
            return new String(in, StandardCharsets.UTF_16).getBytes(StandardCharsets.UTF_8);
        }
        int limit = Math.min(in.length, 200);
        String head = new String(in, 0, limit, StandardCharsets.ISO_8859_1);
        int decl = head.startsWith("<?xml") ? head.indexOf("?>") : -1;
        int enc = decl > 0 ? head.substring(0, decl).indexOf("encoding") : -1;
        if (enc < 0) {
            return in;
        }
        String rest =
                head.substring(enc + 8, decl).replaceAll("[\\s=\"']+", " ").strip();
        String charset = rest.split(" ")[0].toUpperCase(Locale.ROOT);
        if (charset.equals("UTF-8") || charset.equals("US-ASCII") || charset.equals("ASCII") || charset.isEmpty()) {
            return in;
        }
        try {
            return new String(in, Charset.forName(charset)).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedXmlException("line 1: unsupported encoding '" + charset + "'");
        }
    }
}
