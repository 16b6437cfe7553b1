package dev.drivenotes.platform.gcp.testing;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Terraform files of {@code terraform/} as hcl4j reads them, for tests that hold Terraform and the
 * code to the same names, settings and ports.
 *
 * <p>Files are parsed as one text, so a {@code local.*} resolves across them. Leave
 * {@code variables.tf} out unless a test reads the variables themselves: with it, hcl4j turns
 * {@code var.*} into defaults, or null where there is none. hcl4j
 * also leaves {@code each.key}, {@code each.value.*} and references to resources and modules as
 * written ({@link #render} substitutes them), drops an index ({@code x["key"].email} reads
 * {@code x.value.email}: read the written text with {@link #expression} where the key matters),
 * and yields null for functions it does not know ({@code merge}, {@code toset}, {@code file}).
 *
 * @param blocks the parsed top-level blocks ({@code resource}, {@code module}, {@code locals}, ...)
 */
public record TerraformConfig(Map<String, Object> blocks) {

    /** The Terraform root module, seen from a Maven module's directory (where tests run). */
    public static final Path ROOT = Path.of("../terraform");

    public TerraformConfig {
        blocks = Map.copyOf(blocks);
    }

    /** The given files of the root module, e.g. {@code root("pubsub.tf", "services.tf")}. */
    public static TerraformConfig root(String... files) {
        return parse(Stream.of(files).map(ROOT::resolve).toList());
    }

    /** Every file of {@code terraform/modules/<name>/} but its {@code variables.tf}. */
    public static TerraformConfig module(String name) {
        try (Stream<Path> files = Files.list(ROOT.resolve("modules").resolve(name))) {
            return parse(files.filter(f -> f.toString().endsWith(".tf"))
                    .filter(f -> !f.getFileName().toString().equals("variables.tf"))
                    .sorted()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All {@code locals} blocks merged. */
    public Map<String, Object> locals() {
        Object locals = blocks.get("locals");
        if (locals instanceof List<?> several) {
            Map<String, Object> merged = new HashMap<>();
            several.forEach(block -> merged.putAll(block(block)));
            return merged;
        }
        return block(locals);
    }

    /** The resources of one type, by Terraform name. */
    public Map<String, Object> resources(String type) {
        return block(block(blocks.get("resource")).get(type));
    }

    public Map<String, Object> resource(String type, String name) {
        return block(resources(type).get(name));
    }

    /** The arguments of a {@code module "<name>"} call. */
    public Map<String, Object> moduleCall(String name) {
        return block(block(blocks.get("module")).get(name));
    }

    /** The arguments of a {@code variable "<name>"} block. */
    public Map<String, Object> variable(String name) {
        return block(block(blocks.get("variable")).get(name));
    }

    /**
     * The environment a modules/cloud-run-service call gives its container: {@code shared_env}
     * overlaid with {@code env}, values as hcl4j reads them.
     */
    public Map<String, String> cloudRunEnv(String moduleCall) {
        Map<String, Object> call = moduleCall(moduleCall);
        Map<String, String> env = new HashMap<>();
        block(call.get("shared_env")).forEach((name, value) -> env.put(name, String.valueOf(value)));
        block(call.get("env")).forEach((name, value) -> env.put(name, String.valueOf(value)));
        return env;
    }

    /** A block (an HCL object) or fails saying what came instead. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> block(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a Terraform block or object, got " + value);
        }
        return (Map<String, Object>) value;
    }

    /**
     * An expression as hcl4j reads it (a string, or a reference it left as written) with each
     * symbol ({@code each.key}, {@code var.name}) replaced by its value.
     */
    public static String render(Object expression, Map<String, String> symbols) {
        String rendered = String.valueOf(expression);
        for (Map.Entry<String, String> symbol : symbols.entrySet()) {
            rendered = rendered.replace(symbol.getKey(), symbol.getValue());
        }
        return rendered;
    }

    /**
     * The expression on the right of {@code attribute =} as written in a root-module file; the
     * attribute must appear there exactly once.
     */
    public static String expression(String file, String attribute) {
        Pattern assignment = Pattern.compile("(?m)^\\s*" + Pattern.quote(attribute) + "\\s*=\\s*(.+?)\\s*$");
        List<String> found = assignment
                .matcher(read(ROOT.resolve(file)))
                .results()
                .map(m -> m.group(1))
                .toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(file + " assigns " + attribute + " " + found.size() + " times");
        }
        return found.getFirst();
    }

    private static TerraformConfig parse(List<Path> files) {
        String text = files.stream().map(TerraformConfig::read).collect(Collectors.joining("\n"));
        try {
            return new TerraformConfig(new HCLParser().parse(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (HCLParserException | RuntimeException e) {
            throw new IllegalStateException("hcl4j cannot read " + files, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
