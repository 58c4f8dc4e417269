package org.joinedup.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.joinedup.testing.TestNhsNumbers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Requests made from a service's own OpenAPI document: for each operation, a plausible request built
 * from its schemas, and the bad requests an integrator or an attacker could send instead. Nothing
 * here knows an endpoint by name, so an endpoint added tomorrow is covered by what its document says.
 */
public final class OpenApiRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Non-ASCII escaped, so that a lone surrogate travels as the JSON escape it would be sent as. */
    private static final ObjectMapper ESCAPING = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Values a field of each kind is replaced with: each one wrong for some field. */
    private static final List<JsonNode> WRONG_VALUES = List.of(NODES.nullNode(), NODES.textNode(""),
            NODES.numberNode(12345), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(),
            NODES.textNode("\ud800"), NODES.textNode("a\u0000b"), NODES.textNode("x".repeat(5_000)),
            NODES.numberNode(new java.math.BigInteger("99999999999999999999999")), NODES.numberNode(-1),
            NODES.textNode("2026-02-30"), NODES.textNode("not-a-uuid"));
    /** Parameter values: control characters, an invalid UTF-8 escape, a long value, wrong types. */
    private static final List<String> WRONG_PARAMETERS = List.of("%00", "a%0Ab", "%1F", "%ED%A0%80", "%C3%28",
            "x".repeat(5_000), "", "-1", "99999999999999999999", "not-a-uuid", "2026-13-45", "%27%22%3B--", "%25");

    /** One operation of the document. */
    public record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** A request to send; {@code body} is raw bytes so that it can be anything, valid JSON or not. */
    public record Request(String label, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
    }

    private final JsonNode document;
    private final Map<String, String> samples;

    /**
     * @param samples values for parameters and fields by name (identifiers of things that exist, an
     *                agency id), so that the requests reach past "not found"
     */
    public OpenApiRequests(String documentJson, Map<String, String> samples) throws java.io.IOException {
        this.document = JSON.readTree(documentJson);
        this.samples = samples;
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : concat(path.getValue().path("parameters"), op.getValue().path("parameters"))) {
                    JsonNode param = resolve(p);
                    parameters.add(new Parameter(param.path("name").asText(), param.path("in").asText(),
                            param.path("required").asBoolean(false), resolve(param.path("schema"))));
                }
                JsonNode content = op.getValue().path("requestBody").path("content");
                JsonNode body = content.has("application/json") ? resolve(content.path("application/json").path("schema")) : null;
                operations.add(new Operation(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), parameters, body));
            }
        }
        return operations;
    }

    /** The plausible request: every parameter and field given a value of its type. */
    public Request plausible(Operation op) {
        return request("plausible", op, Map.of(), op.bodySchema() == null ? null : bytes(example(op.bodySchema(), "body", 0)));
    }

    /** The bad requests for one operation. */
    public List<Request> bad(Operation op) {
        List<Request> requests = new ArrayList<>();
        for (Parameter p : op.parameters()) {
            if (!p.in().equals("path") && !p.in().equals("query") && !p.in().equals("header")) {
                continue;
            }
            for (String wrong : WRONG_PARAMETERS) {
                if (p.in().equals("path") && wrong.isEmpty()) {
                    continue;
                }
                String value = p.in().equals("header") ? java.net.URLDecoder.decode(wrong.replace("%00", "").replace("%0A", ""),
                        StandardCharsets.ISO_8859_1) : wrong;
                requests.add(request(p.in() + " " + p.name() + "=" + abbreviate(wrong), op, Map.of(p.name(), value),
                        op.bodySchema() == null ? null : bytes(example(op.bodySchema(), "body", 0))));
            }
        }
        if (op.bodySchema() == null) {
            return requests;
        }
        JsonNode plausible = example(op.bodySchema(), "body", 0);
        for (String pointer : pointers(plausible, "")) {
            for (JsonNode wrong : WRONG_VALUES) {
                requests.add(body(op, "body " + pointer + "=" + abbreviate(wrong.toString()), replaced(plausible, pointer, wrong)));
            }
            if (!pointer.isEmpty()) {
                requests.add(body(op, "body " + pointer + " removed", removed(plausible, pointer)));
            }
        }
        ObjectNode unknown = plausible.isObject() ? ((ObjectNode) plausible.deepCopy()).put("unexpectedField", "x") : null;
        if (unknown != null) {
            requests.add(body(op, "body with an unknown field", unknown));
        }
        String text = plausible.toString();
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put("empty body", new byte[0]);
        raw.put("body null", "null".getBytes(StandardCharsets.UTF_8));
        raw.put("body an array", "[]".getBytes(StandardCharsets.UTF_8));
        raw.put("body a string", "\"x\"".getBytes(StandardCharsets.UTF_8));
        raw.put("body truncated", text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8));
        raw.put("body with a repeated key", text.startsWith("{\"") ? ("{\"k\":1,\"k\":2," + text.substring(1)).getBytes(StandardCharsets.UTF_8)
                : "{\"k\":1,\"k\":2}".getBytes(StandardCharsets.UTF_8));
        raw.put("body invalid UTF-8", concat(text.substring(0, Math.max(1, text.length() - 2)).getBytes(StandardCharsets.UTF_8),
                new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}));
        raw.put("body nested 5000 deep", ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
        raw.put("body a huge number", "{\"n\": 1e999999999}".getBytes(StandardCharsets.UTF_8));
        raw.put("body over the size limit", ("{\"k\": \"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        raw.forEach((label, bytes) -> requests.add(request(label, op, Map.of(), bytes)));
        return requests;
    }

    private Request body(Operation op, String label, JsonNode body) {
        return request(label, op, Map.of(), bytes(body));
    }

    private Request request(String label, Operation op, Map<String, String> overrides, byte[] body) {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter p : op.parameters()) {
            String value = overrides.containsKey(p.name()) ? overrides.get(p.name()) : null;
            switch (p.in()) {
                case "path" -> path = path.replace("{" + p.name() + "}",
                        value != null ? value : encode(example(p.schema(), p.name(), 0).asText()));
                case "query" -> {
                    if (value != null || p.required()) {
                        query.append(query.length() == 0 ? '?' : '&').append(encode(p.name())).append('=')
                                .append(value != null ? value : encode(example(p.schema(), p.name(), 0).asText()));
                    }
                }
                case "header" -> {
                    if (value != null) {
                        headers.put(p.name(), value);
                    }
                }
                default -> {
                }
            }
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return new Request(label, op.method(), path + query, headers, body);
    }

    /** A value of the schema's type, with the name's sample where there is one. */
    JsonNode example(JsonNode schema, String name, int depth) {
        schema = resolve(schema);
        if (samples.containsKey(name)) {
            return NODES.textNode(samples.get(name));
        }
        if (schema.has("allOf")) {
            return example(schema.path("allOf").get(0), name, depth);
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return example(schema.has("oneOf") ? schema.path("oneOf").get(0) : schema.path("anyOf").get(0), name, depth);
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("");
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = fields.next();
                        if (!f.getValue().path("readOnly").asBoolean(false)) {
                            object.set(f.getKey(), example(f.getValue(), f.getKey(), depth + 1));
                        }
                    }
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (depth < 6) {
                    array.add(example(schema.path("items"), singular(name), depth + 1));
                }
                return array;
            }
            case "integer":
                return NODES.numberNode(schema.has("minimum") ? schema.path("minimum").asLong() : 1);
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(true);
            default:
                return NODES.textNode(text(schema.path("format").asText(""), name));
        }
    }

    private String text(String format, String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return switch (format) {
            case "date" -> "2026-11-02";
            case "date-time" -> "2026-11-02T10:15:30Z";
            case "uuid" -> UUID.randomUUID().toString();
            case "duration" -> "PT1H";
            case "uri" -> "https://example.org/x";
            default -> lower.contains("nhsnumber") ? TestNhsNumbers.next()
                    : lower.endsWith("agencyid") || lower.equals("agency") ? samples.getOrDefault("agencyId", "met-police")
                    : lower.endsWith("id") ? UUID.randomUUID().toString()
                    : lower.contains("date") ? "2026-11-02"
                    : lower.endsWith("at") || lower.equals("from") || lower.equals("to") ? "2026-11-02T10:15:30Z"
                    : lower.contains("postcode") ? "N17 6RA"
                    : "Plausible text for " + name;
        };
    }

    JsonNode resolve(JsonNode node) {
        int hops = 0;
        while (node != null && node.has("$ref") && hops++ < 20) {
            String ref = node.path("$ref").asText();
            node = document.at(ref.substring(1));
        }
        return node == null ? NODES.objectNode() : node;
    }

    /** Every JSON pointer in the value, the root first. */
    static List<String> pointers(JsonNode value, String at) {
        List<String> pointers = new ArrayList<>();
        pointers.add(at);
        if (value.isObject()) {
            value.fields().forEachRemaining(f -> pointers.addAll(pointers(f.getValue(), at + "/" + f.getKey())));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                pointers.addAll(pointers(value.get(i), at + "/" + i));
            }
        }
        return pointers;
    }

    static JsonNode replaced(JsonNode root, String pointer, JsonNode with) {
        if (pointer.isEmpty()) {
            return with;
        }
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, with);
        } else if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), with);
        }
        return copy;
    }

    static JsonNode removed(JsonNode root, String pointer) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).remove(last);
        } else if (parent.isArray()) {
            ((ArrayNode) parent).remove(Integer.parseInt(last));
        }
        return copy;
    }

    private static Iterable<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> all = new ArrayList<>();
        a.forEach(all::add);
        b.forEach(all::add);
        return all;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return ESCAPING.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 30 ? printable.substring(0, 27) + "..." : printable;
    }
}
