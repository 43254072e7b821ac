package dev.overcast.core.config;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.overcast.core.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a typed configuration record from, in rising precedence: the defaults in the
 * record's compact constructors, a YAML file, {@code OVERCAST_*} environment variables and
 * explicit overrides (command-line options).
 *
 * <p>Names are snake_case in the file ({@code data_dir}, {@code database: {url: ...}}); the
 * environment variable for a setting is {@code OVERCAST_} plus its path joined by
 * {@code _}, upper-cased: {@code OVERCAST_DATA_DIR}, {@code OVERCAST_DATABASE_URL}. Only
 * names the record declares are read, so the mapping is never ambiguous, and an unknown key
 * in the file is an error that names it.
 */
public final class ConfigLoader {
    public static final String ENV_PREFIX = "OVERCAST_";

    private static final JsonMapper MAPPER = Json.mapper().rebuild()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ConfigLoader() {
    }

    /**
     * @param file      YAML file, or null for none
     * @param env       the environment (System.getenv() in production)
     * @param overrides dotted snake_case paths to values, e.g. {@code "port" -> 9000}
     */
    public static <T extends Record> T load(Class<T> type, Path file, Map<String, String> env,
                                            Map<String, Object> overrides) {
        Map<String, Object> tree = file == null ? new LinkedHashMap<>() : readYaml(file);
        applyEnv(type, "", tree, env);
        overrides.forEach((path, value) -> {
            if (value != null) {
                put(tree, path, value);
            }
        });
        try {
            return MAPPER.convertValue(tree, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid configuration"
                    + (file == null ? "" : " in " + file) + ": " + e.getOriginalMessage());
        }
    }

    /** The environment variable name for a dotted setting path. */
    public static String envName(String path) {
        return ENV_PREFIX + path.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("configuration file " + file + " does not exist");
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (loaded == null) {
                return new LinkedHashMap<>();
            }
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("configuration file " + file + " must hold a mapping");
            }
            return new LinkedHashMap<>((Map<String, Object>) map);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read configuration file " + file + ": " + e.getMessage());
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new IllegalArgumentException("configuration file " + file + " is not valid YAML: " + e.getMessage());
        }
    }

    private static void applyEnv(Class<?> type, String prefix, Map<String, Object> tree, Map<String, String> env) {
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + snake(component.getName());
            if (component.getType().isRecord()) {
                applyEnv(component.getType(), path + ".", tree, env);
            } else if (isMap(component.getGenericType())) {
                String head = envName(path) + "_";
                env.forEach((name, value) -> {
                    if (name.startsWith(head)) {
                        put(tree, path + "." + name.substring(head.length()).toLowerCase(Locale.ROOT), value);
                    }
                });
            } else {
                String value = env.get(envName(path));
                if (value != null) {
                    put(tree, path, value);
                }
            }
        }
    }

    private static boolean isMap(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == Map.class;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.get(parts[i]);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(parts[i], child);
            } else {
                child = new LinkedHashMap<>((Map<String, Object>) child);
                node.put(parts[i], child);
            }
            node = (Map<String, Object>) child;
        }
        node.put(parts[parts.length - 1], value);
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
