package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        return DriveNotes.execute(new PrintWriter(err, true), args);
    }

    @Test
    void refusesAMapFileThatIsNotOpenDriveWithOneLine() throws Exception {
        Path text = Files.writeString(dir.resolve("map.xodr"), "<html>not a map</html>");
        StringWriter err = new StringWriter();

        int code = run(err, "run", "--map", text.toString(), "--data", dir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("drivenotes: --map: ").contains("not an OpenDRIVE file");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void refusesAMissingMapFile() {
        StringWriter err = new StringWriter();
        int code = run(err, "run", "--map", dir.resolve("absent.xodr").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void refusesUnknownOptionsWithUsageHint() {
        StringWriter err = new StringWriter();
        int code = run(err, "run", "--episodez", "2");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--episodez").contains("--help");
    }

    @Test
    void refusesAnOutOfRangePortBase() {
        StringWriter err = new StringWriter();
        int code = run(err, "up", "--port-base", "80");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--port-base");
    }
}
