package dev.drivenotes.platform.web.testing;

import dev.drivenotes.platform.web.testing.Surface.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Breaks a valid JSON body in one way at a time. */
final class JsonMutations {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final SplittableRandom random;

    JsonMutations(SplittableRandom random) {
        this.random = random;
    }

    /** Not JSON, or not the JSON of an object. */
    String malformed(String sample) {
        return switch (random.nextInt(12)) {
            case 0 -> sample.substring(0, random.nextInt(sample.length()));
            case 1 -> "{nope";
            case 2 -> sample + " trailing";
            case 3 -> sample + "}";
            case 4 -> "[".repeat(5000) + "]".repeat(5000);
            case 5 -> "{\"a\":" + "1".repeat(5000) + "}";
            case 6 -> "null";
            case 7 -> "42";
            case 8 -> "[" + sample + "]";
            case 9 -> sample.replaceFirst("\"", "'");
            case 10 -> "{\"x\":NaN," + sample.substring(1);
            default -> duplicateFirstField(sample);
        };
    }

    /** One value (anywhere in the tree) replaced by a value of another JSON type. */
    String wrongType(String sample) {
        ObjectNode root = tree(sample);
        List<String[]> paths = new ArrayList<>();
        collect(root, "", paths);
        String[] chosen = paths.get(random.nextInt(paths.size()));
        JsonNode current = at(root, chosen[0]);
        JsonNode replacement = current.isObject() || current.isArray()
                ? JsonNodeFactory.instance.stringNode("not-" + (current.isObject() ? "an-object" : "an-array"))
                : current.isNumber()
                        ? pickOf(
                                JsonNodeFactory.instance.objectNode(),
                                JsonNodeFactory.instance.arrayNode(),
                                JsonNodeFactory.instance.booleanNode(true))
                        : pickOf(
                                JsonNodeFactory.instance.objectNode(),
                                JsonNodeFactory.instance.arrayNode().add(1));
        replace(root, chosen[0], replacement);
        return root.toString();
    }

    /** A required field left out, or no field at all. */
    String missing(Endpoint endpoint) {
        if (endpoint.requiredFields().isEmpty() || random.nextInt(4) == 0) {
            return "{}";
        }
        ObjectNode root = tree(endpoint.sampleBody());
        root.remove(endpoint.requiredFields()
                .get(random.nextInt(endpoint.requiredFields().size())));
        return root.toString();
    }

    /** A field the contract does not have, at the top or inside a nested object. */
    String unknownField(String sample) {
        ObjectNode root = tree(sample);
        List<ObjectNode> objects = new ArrayList<>();
        objects(root, objects);
        objects.get(random.nextInt(objects.size())).put("unexpected" + random.nextInt(1000), "surprise");
        return root.toString();
    }

    /** The sample with the string at {@code path} ({@code routes[0].from}) replaced. */
    String withString(String sample, String path, String value) {
        ObjectNode root = tree(sample);
        replace(root, path, JsonNodeFactory.instance.stringNode(value));
        return root.toString();
    }

    private static ObjectNode tree(String json) {
        return (ObjectNode) MAPPER.readTree(json);
    }

    private String duplicateFirstField(String sample) {
        ObjectNode root = tree(sample);
        String first = root.propertyNames().iterator().next();
        String value = root.get(first).toString();
        return "{\"" + first + "\":" + value + "," + root.toString().substring(1);
    }

    @SafeVarargs
    private <T> T pickOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** Every value's path, as {@code [path]}. */
    private static void collect(JsonNode node, String path, List<String[]> out) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                out.add(new String[] {p});
                collect(e.getValue(), p, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = path + "[" + i + "]";
                out.add(new String[] {p});
                collect(node.get(i), p, out);
            }
        }
    }

    private static void objects(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) {
            out.add(o);
        }
        node.values().forEach(child -> objects(child, out));
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : steps(path)) {
            node = step.startsWith("[")
                    ? node.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                    : node.get(step);
        }
        return node;
    }

    private static void replace(JsonNode root, String path, JsonNode value) {
        List<String> steps = steps(path);
        JsonNode parent = root;
        for (String step : steps.subList(0, steps.size() - 1)) {
            parent = step.startsWith("[")
                    ? parent.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                    : parent.get(step);
        }
        String last = steps.getLast();
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    /** {@code routes[0].from} → {@code routes, [0], from}. */
    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                steps.add(part);
                continue;
            }
            if (bracket > 0) {
                steps.add(part.substring(0, bracket));
            }
            for (String index : part.substring(bracket).split("(?=\\[)")) {
                steps.add(index);
            }
        }
        return steps;
    }
}
