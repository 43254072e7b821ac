package dev.overcast.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    record Db(String url, Integer poolSize) {
    }

    record Settings(String bind, Integer port, Db database) {
        Settings {
            bind = bind == null ? "127.0.0.1" : bind;
            port = port == null ? 8080 : port;
        }
    }

    @Test
    void defaultsComeFromTheRecord() {
        Settings s = ConfigLoader.load(Settings.class, null, Map.of(), Map.of());
        assertThat(s.bind()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(8080);
    }

    @Test
    void theEnvironmentOverridesTheFileAndOptionsOverrideTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("overcast.yaml");
        Files.writeString(file, "bind: 0.0.0.0\nport: 7000\ndatabase:\n  url: jdbc:h2:mem:x\n  pool_size: 3\n");
        Settings s = ConfigLoader.load(Settings.class, file,
                Map.of("OVERCAST_PORT", "7100", "OVERCAST_DATABASE_POOL_SIZE", "5"), Map.of("bind", "10.0.0.1"));
        assertThat(s.bind()).isEqualTo("10.0.0.1");
        assertThat(s.port()).isEqualTo(7100);
        assertThat(s.database()).isEqualTo(new Db("jdbc:h2:mem:x", 5));
    }

    @Test
    void anUnknownKeyInTheFileIsAnErrorThatNamesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("overcast.yaml");
        Files.writeString(file, "prot: 7000\n");
        assertThatThrownBy(() -> ConfigLoader.load(Settings.class, file, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prot");
    }

    @Test
    void aValueOfTheWrongTypeIsAnError() {
        assertThatThrownBy(() -> ConfigLoader.load(Settings.class, null, Map.of("OVERCAST_PORT", "eighty"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid configuration");
    }

    @Test
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> ConfigLoader.load(Settings.class, Path.of("/nonexistent.yaml"), Map.of(), Map.of()))
                .hasMessageContaining("does not exist");
    }
}
