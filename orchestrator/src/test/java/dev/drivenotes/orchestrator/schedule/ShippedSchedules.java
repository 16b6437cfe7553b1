package dev.drivenotes.orchestrator.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The schedules the orchestrator ships, bound as Spring binds them from its properties and YAML. */
public final class ShippedSchedules {

    private ShippedSchedules() {}

    public static ScheduleProperties load() {
        StandardEnvironment env = new StandardEnvironment();
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader()
                    .load("orchestrator.properties", new ClassPathResource("orchestrator.properties"))) {
                env.getPropertySources().addLast(source);
            }
            for (PropertySource<?> source : new YamlPropertySourceLoader()
                    .load("orchestrator.yaml", new ClassPathResource("orchestrator.yaml"))) {
                env.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Binder.get(env)
                .bind("drivenotes.schedules", ScheduleProperties.class)
                .get();
    }
}
