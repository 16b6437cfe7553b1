package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.model.sim.SimulationState;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchCarlaCommandTest {

    @Test
    void refusesTooManyNpcsWithOneLine() {
        StringWriter err = new StringWriter();

        int code = DriveNotes.execute(new PrintWriter(err, true), "bench", "carla", "--npcs", "201");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("drivenotes: --npcs").hasLineCount(1);
    }

    @Test
    void theMeasuredTickStepsACarlaSimulationWithItsBackgroundVehiclesOverTheFake() throws Exception {
        BenchCarlaState carla = new BenchCarlaState();
        carla.mapFile = BenchSimCommand.resolveMap(TownGenerator.DEFAULT_TOWN).toString();
        carla.npcs = 20;
        carla.setUp();
        try {
            SimulationState first = carla.step();
            SimulationState later = first;
            for (int i = 0; i < 20; i++) {
                later = carla.step();
            }

            assertThat(later.step()).isGreaterThan(first.step());
            assertThat(later.simTimeS()).isGreaterThan(first.simTimeS());
            assertThat(carla.backgroundVehiclesInTheWorld()).isEqualTo(20);
        } finally {
            carla.tearDown();
        }
    }
}
