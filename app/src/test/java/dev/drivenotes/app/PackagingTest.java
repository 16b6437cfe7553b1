package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * drivenotes.jar is rebuilt whole: the launcher packages it with {@code package -pl app -am} after any
 * main source changed, and unless the plain jar is created afresh, Spring Boot's repackage starts from
 * the jar it replaced before and keeps that jar's nested libraries — a change in common-model or
 * carla-runner alone would then never reach the jar the launcher runs (seen on 2026-12-02: a compare
 * ran the previous build's simulator).
 */
class PackagingTest {

    @Test
    void theAppModuleCreatesItsPlainJarAfreshEveryBuildSoRepackageNestsTheNewLibraries() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        NodeList plugins = pom.getElementsByTagName("plugin");
        String forceCreation = null;
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("maven-jar-plugin".equals(text(plugin, "artifactId"))) {
                forceCreation = text(plugin, "forceCreation");
            }
        }

        assertThat(forceCreation)
                .as("app/pom.xml: maven-jar-plugin forceCreation")
                .isEqualTo("true");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
