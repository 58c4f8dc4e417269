package org.joinedup.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The manifests of {@code deploy/kubernetes}, each document read into the Java model its
 * {@code apiVersion} and {@code kind} are published with: fabric8's Kubernetes model for the core
 * kinds, Strimzi's API module for Kafka. CloudNativePG and the Keycloak operator publish no Java model
 * on Maven Central, so their resources are read as generic resources and their fields held to the
 * operators' documented fields that these manifests use ({@link #DOCUMENTED_FIELDS}).
 */
final class Manifests {
    static final Path ROOT = Path.of(System.getProperty("joinedup.root", "../..")).toAbsolutePath().normalize();
    static final Path DIR = ROOT.resolve("deploy/kubernetes");
    /** Strict: a field no model knows is an error, not something to pass over. */
    static final ObjectMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", GenericKubernetesResource.class),
            Map.entry("postgresql.cnpg.io/v1/Database", GenericKubernetesResource.class),
            Map.entry("k8s.keycloak.org/v2alpha1/Keycloak", GenericKubernetesResource.class));

    /**
     * For the kinds without a published model: the spec fields these manifests may use, as JSON
     * pointers with {@code *} for any array index or map key, taken from CloudNativePG's API reference
     * (postgresql.cnpg.io/v1) and the Keycloak operator's (k8s.keycloak.org/v2alpha1).
     */
    static final Map<String, List<String>> DOCUMENTED_FIELDS = Map.of(
            "Cluster", List.of("/spec/instances", "/spec/imageName", "/spec/storage/size", "/spec/storage/storageClass",
                    "/spec/bootstrap/initdb/database", "/spec/bootstrap/initdb/owner", "/spec/bootstrap/initdb/secret/name",
                    "/spec/managed/roles/*/name", "/spec/managed/roles/*/ensure", "/spec/managed/roles/*/login",
                    "/spec/managed/roles/*/passwordSecret/name", "/spec/postgresql/parameters/*",
                    "/spec/resources/requests/cpu", "/spec/resources/requests/memory", "/spec/resources/limits/cpu",
                    "/spec/resources/limits/memory"),
            "Database", List.of("/spec/name", "/spec/owner", "/spec/cluster/name", "/spec/ensure"),
            "Keycloak", List.of("/spec/instances", "/spec/db/vendor", "/spec/db/host", "/spec/db/port", "/spec/db/database",
                    "/spec/db/usernameSecret/name", "/spec/db/usernameSecret/key", "/spec/db/passwordSecret/name",
                    "/spec/db/passwordSecret/key", "/spec/http/tlsSecret", "/spec/hostname/hostname"));

    /** One YAML document of one file, as written and as read into its model. */
    record Document(Path file, int index, JsonNode tree, Object model) {
        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return DIR.relativize(file) + "#" + index + " " + kind() + " " + name();
        }
    }

    private Manifests() {
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** Every document of every file; a document whose kind has no model here fails the read. */
    static List<Document> read() throws IOException {
        List<Document> documents = new ArrayList<>();
        for (Path file : files()) {
            try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                int index = 0;
                while (it.hasNext()) {
                    JsonNode tree = it.next();
                    if (tree == null || tree.isEmpty()) {
                        continue;
                    }
                    String type = tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
                    Class<?> model = MODELS.get(type);
                    if (model == null) {
                        throw new IllegalStateException(file + "#" + index + ": no model for " + type);
                    }
                    documents.add(new Document(file, index++, tree, YAML.treeToValue(tree, model)));
                }
            }
        }
        return documents;
    }

    /**
     * The fields of a model object that its model did not know: fabric8's and Strimzi's classes keep
     * such fields in {@code additionalProperties} instead of failing, so they are looked for there,
     * all the way down.
     */
    static List<String> unknownFields(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found);
        return found.stream().distinct().toList(); // a field reachable through two getters is one field
    }

    private static void walk(Object o, String path, List<String> found) {
        if (o == null || o instanceof CharSequence || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                walk(item, path + "/" + i++, found);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "/" + k, found));
            return;
        }
        Class<?> type = o.getClass();
        if (!type.getName().startsWith("io.fabric8.") && !type.getName().startsWith("io.strimzi.")) {
            return;
        }
        for (Method getter : type.getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = getter.getName();
            if (!name.startsWith("get") || name.length() == 3) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(o);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue; // a derived value that needs more than the document (a plural, say)
            }
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty() && !(o instanceof GenericKubernetesResource)) {
                    found.add(path + ": " + extra.keySet());
                }
                continue;
            }
            String property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
            walk(value, path + "/" + property, found);
        }
    }

    /** Every JSON pointer to a leaf under {@code node}, array indexes as they are. */
    static List<String> leaves(JsonNode node, String at) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> out.addAll(leaves(f.getValue(), at + "/" + f.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(leaves(node.get(i), at + "/" + i));
            }
        } else {
            out.add(at);
        }
        return out;
    }

    /** Whether a pointer matches a documented pattern ({@code *}: any one segment). */
    static boolean documented(String pointer, List<String> patterns) {
        String[] parts = pointer.split("/");
        for (String pattern : patterns) {
            String[] p = pattern.split("/");
            if (p.length != parts.length) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < p.length && match; i++) {
                match = p[i].equals("*") || p[i].equals(parts[i]);
            }
            if (match) {
                return true;
            }
        }
        return false;
    }
}
