package dev.drivenotes.carla;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** carla-runner: owns simulations, run by a backend of the {@code sim.Simulator} port (the embedded OpenDRIVE simulator or a CARLA 0.9.15 server). */
@SpringBootApplication
public class CarlaRunnerApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CarlaRunnerApplication.class).properties("spring.config.name=carla-runner");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
