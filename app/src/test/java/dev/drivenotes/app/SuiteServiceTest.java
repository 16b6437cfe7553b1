package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SuiteServiceTest {

    /** {@code 8081} or the default of {@code ${AIP_HTTP_PORT:8082}}. */
    private static final Pattern PORT = Pattern.compile("(?:\\$\\{[A-Z_]+:)?(\\d+)}?");

    @ParameterizedTest
    @EnumSource(SuiteService.class)
    void theDefaultBaseGivesEachServiceThePortItsOwnPropertiesFileUses(SuiteService service) throws IOException {
        Properties own = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/" + service.serviceName() + ".properties")) {
            assertThat(in).as(service.serviceName() + ".properties").isNotNull();
            own.load(in);
        }
        Matcher port = PORT.matcher(own.getProperty("server.port"));

        assertThat(port.matches()).isTrue();
        assertThat(service.port(8080)).isEqualTo(Integer.parseInt(port.group(1)));
    }

    @Test
    void theOrchestratorWhichCallsTheOthersStartsLast() {
        SuiteService[] startOrder = SuiteService.values();

        assertThat(startOrder[startOrder.length - 1]).isEqualTo(SuiteService.ORCHESTRATOR);
    }

    @Test
    void portZeroLeavesEveryPortToTheSystem() {
        for (SuiteService service : SuiteService.values()) {
            assertThat(service.port(0)).isZero();
        }
    }

    @Test
    void theFourPortsAreConsecutiveFromTheBase() {
        assertThat(SuiteService.inPortOrder().stream().map(s -> s.port(9000))).containsExactly(9000, 9001, 9002, 9003);
    }
}
