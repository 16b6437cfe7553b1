package dev.drivenotes.carla.map.opendrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmlScannerTest {

    private static List<String> events(String xml) {
        return events(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> events(byte[] xml) {
        XmlScanner s = new XmlScanner(xml);
        List<String> out = new ArrayList<>();
        for (int e = s.next(); e != XmlScanner.EOF; e = s.next()) {
            switch (e) {
                case XmlScanner.START ->
                    out.add("<" + s.name() + (s.attribute("v") != null ? " v=" + s.attribute("v") : ""));
                case XmlScanner.END -> out.add("/" + s.name());
                default -> {
                    if (!s.text().isBlank()) {
                        out.add("'" + s.text() + "'");
                    }
                }
            }
        }
        return out;
    }

    @Test
    void readsElementsAttributesEntitiesCdataAndSkipsCommentsPisAndDoctype() {
        assertThat(events("\uFEFF<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x \"y\">]><!-- c -->"
                        + "<r v='a&amp;b &#x41;&#66;'><e v=\"&lt;&gt;&quot;&apos;\"/>t&amp;u<![CDATA[<raw&>]]></r>\n"))
                .containsExactly("<r v=a&b AB", "<e v=<>\"'", "/e", "'t&u'", "'<raw&>'", "/r");
    }

    @Test
    void readsUtf16WithByteOrderMarkAndDeclaredLatin1() {
        assertThat(events("<r v=\"é\"/>".getBytes(StandardCharsets.UTF_16))).containsExactly("<r v=é", "/r");
        byte[] latin1 =
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r v=\"é\"/>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(events(latin1)).containsExactly("<r v=é", "/r");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "|no root element",
                "<r><a></r>|does not match <a>",
                "<r><a>|ends inside <a>",
                "<r v=\"x|ends inside an attribute value",
                "<r v=x/>|not quoted",
                "<r/><s/>|content after the root element",
                "text<r/>|before the root element",
                "<r v=\"&nbsp;\"/>|unknown entity",
                "<r a=\"1\"b=\"2\"/>|separated by white space",
                "<r><!-- open|ends inside a comment",
                "<1r/>|cannot start a name"
            })
    void rejectsMalformedInput(String xml, String message) {
        assertThatThrownBy(() -> events(xml == null ? "" : xml))
                .isInstanceOf(MalformedXmlException.class)
                .hasMessageStartingWith("line 1: ")
                .hasMessageContaining(message);
    }

    @Test
    void reportsTheLineOfTheError() {
        assertThatThrownBy(() -> events("<r>\n<a>\n\n</b></r>")).hasMessageStartingWith("line 4: ");
    }
}
