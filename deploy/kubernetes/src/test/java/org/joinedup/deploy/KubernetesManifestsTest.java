package org.joinedup.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.joinedup.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests (issue 16) cannot be applied on a build machine. This reads every document
 * into its published model with unknown fields refused, and checks that the files agree with each
 * other and with the services: names, ports, probes, secrets, topics, databases and the identity
 * provider.
 */
class KubernetesManifestsTest {
    static List<Manifests.Document> documents;

    @BeforeAll
    static void read() throws IOException {
        documents = Manifests.read();
    }

    static <T> List<T> all(Class<T> type) {
        return documents.stream().map(Manifests.Document::model).filter(type::isInstance).map(type::cast).toList();
    }

    static List<Manifests.Document> generic(String kind) {
        return documents.stream().filter(d -> d.kind().equals(kind) && d.model() instanceof io.fabric8.kubernetes.api.model.GenericKubernetesResource).toList();
    }

    static ConfigMap config() {
        List<ConfigMap> maps = all(ConfigMap.class);
        assertEquals(1, maps.size(), "one shared ConfigMap");
        return maps.get(0);
    }

    @Test
    void every_document_reads_into_its_published_model_with_no_unknown_field() {
        assertTrue(documents.size() >= 20, "the manifests were read: " + documents.size());
        List<String> unknown = new ArrayList<>();
        for (Manifests.Document d : documents) {
            Manifests.unknownFields(d.model()).forEach(u -> unknown.add(d + ": unknown " + u));
            List<String> documented = Manifests.DOCUMENTED_FIELDS.get(d.kind());
            if (d.model() instanceof io.fabric8.kubernetes.api.model.GenericKubernetesResource) {
                assertNotNull(documented, d + " has no documented fields to be checked against");
                Manifests.leaves(d.tree().path("spec"), "/spec").stream().filter(p -> !Manifests.documented(p, documented))
                        .forEach(p -> unknown.add(d + ": " + p + " is not a documented field"));
            }
            assertEquals("joinedup", d.tree().path("metadata").path("namespace").asText(d.kind().equals("Namespace") ? "joinedup" : ""),
                    d + " is in the joinedup namespace");
        }
        assertEquals(List.of(), unknown);
    }

    @Test
    void an_unknown_field_is_refused_so_the_check_above_can_fail() throws Exception {
        JsonNode deployment = Manifests.YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                        - name: x
                          readinessProbe: {httpGet: {path: /q/health/ready, port: http}, periodSecond: 5}
                """);
        Object model = Manifests.YAML.treeToValue(deployment, Deployment.class);
        assertEquals(List.of("/spec/template/spec/containers/0/readinessProbe: [periodSecond]"), Manifests.unknownFields(model));
        JsonNode topic = Manifests.YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec: {topicName: t, partitions: 6, replica: 3}
                """);
        assertEquals(List.of("/spec: [replica]"), Manifests.unknownFields(Manifests.YAML.treeToValue(topic, KafkaTopic.class)));
        assertFalse(Manifests.documented("/spec/storage/sizee", Manifests.DOCUMENTED_FIELDS.get("Cluster")));
    }

    @Test
    void every_deployment_runs_two_instances_probed_on_its_port_bounded_and_covered_by_a_service_and_a_budget() {
        List<Deployment> deployments = all(Deployment.class);
        assertEquals(Set.of("concern-service", "referral-service", "agency-directory-service", "audit-service", "notification-service", "web-console"),
                deployments.stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(labels.entrySet().containsAll(d.getSpec().getSelector().getMatchLabels().entrySet()), name + ": selector matches its pods");
            assertTrue(d.getSpec().getReplicas() >= 2, name + ": at least two instances");
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            ContainerPort port = c.getPorts().get(0);
            assertEquals(String.valueOf(port.getContainerPort()), env(c, "PORT"), name + ": PORT is the container port");
            assertProbe(name, c.getReadinessProbe(), "/q/health/ready", port);
            assertProbe(name, c.getLivenessProbe(), "/q/health/live", port);
            assertProbe(name, c.getStartupProbe(), "/q/health/started", port);
            assertNotNull(c.getResources().getRequests().get("cpu"), name + ": cpu request");
            assertEquals(c.getResources().getRequests().get("memory"), c.getResources().getLimits().get("memory"),
                    name + ": memory requested is its limit (the heap is sized from it)");
            assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem() && !c.getSecurityContext().getAllowPrivilegeEscalation(),
                    name + ": locked down");

            List<Service> services = all(Service.class).stream()
                    .filter(s -> labels.entrySet().containsAll(s.getSpec().getSelector().entrySet())).toList();
            assertEquals(1, services.size(), name + ": one Service selects its pods");
            for (ServicePort sp : services.get(0).getSpec().getPorts()) {
                assertTrue(Objects.equals(sp.getTargetPort().getStrVal(), port.getName())
                        || Objects.equals(sp.getTargetPort().getIntVal(), port.getContainerPort()), name + ": the Service targets its port");
            }
            List<PodDisruptionBudget> budgets = all(PodDisruptionBudget.class).stream()
                    .filter(b -> labels.entrySet().containsAll(b.getSpec().getSelector().getMatchLabels().entrySet())).toList();
            assertEquals(1, budgets.size(), name + ": one PodDisruptionBudget covers its pods");
            assertTrue(budgets.get(0).getSpec().getMinAvailable().getIntVal() < d.getSpec().getReplicas(),
                    name + ": the budget lets a node be drained");
        }
    }

    private static void assertProbe(String name, Probe probe, String path, ContainerPort port) {
        assertNotNull(probe, name + ": probe " + path);
        HTTPGetAction get = probe.getHttpGet();
        assertEquals(path, get.getPath(), name);
        assertTrue(Objects.equals(get.getPort().getStrVal(), port.getName()) || Objects.equals(get.getPort().getIntVal(), port.getContainerPort()),
                name + ": " + path + " on the container's port");
    }

    @Test
    void every_variable_a_deployment_sets_is_one_its_service_reads() throws IOException {
        ConfigMap config = config();
        Set<String> readBySomeone = new HashSet<>();
        for (Deployment d : all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Set<String> read = variablesRead(name);
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            for (EnvVar e : c.getEnv()) {
                assertTrue(read.contains(e.getName()), name + " sets " + e.getName() + " but its configuration never reads it");
            }
            boolean shared = c.getEnvFrom().stream().anyMatch(f -> f.getConfigMapRef() != null
                    && config.getMetadata().getName().equals(f.getConfigMapRef().getName()));
            assertTrue(shared, name + " takes the shared settings");
            config.getData().keySet().stream().filter(read::contains).forEach(readBySomeone::add);
            if (!name.equals("web-console")) {
                for (String required : List.of("JOINEDUP_DB_URL", "KAFKA_BOOTSTRAP_SERVERS", "JOINEDUP_OIDC_URL")) {
                    assertTrue(c.getEnv().stream().anyMatch(e -> e.getName().equals(required)) || config.getData().containsKey(required),
                            name + " is given " + required);
                }
            }
        }
        assertEquals(new TreeSet<>(config.getData().keySet()), new TreeSet<>(readBySomeone), "every shared setting is read by some service");
    }

    /** The environment variables a module's configuration reads ({@code ${NAME...}}), and QUARKUS_ names of properties it sets. */
    static Set<String> variablesRead(String module) throws IOException {
        List<Path> files = new ArrayList<>(List.of(Manifests.ROOT.resolve(module).resolve("src/main/resources/application.properties")));
        if (!module.equals("web-console")) {
            files.add(Manifests.ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        }
        Set<String> names = new HashSet<>(Set.of("JAVA_TOOL_OPTIONS"));
        Pattern variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                Matcher m = variable.matcher(line);
                while (m.find()) {
                    names.add(m.group(1));
                }
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    String key = line.substring(0, eq).trim().replaceFirst("^%[a-z]+\\.", "");
                    names.add(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
                }
            }
        }
        return names;
    }

    @Test
    void every_secret_the_manifests_name_is_one_the_operations_guide_says_to_supply() throws IOException {
        Set<String> named = new TreeSet<>();
        for (Manifests.Document d : documents) {
            collectSecrets(d.tree(), named);
        }
        assertEquals(Set.of("joinedup-db-credentials", "audit-app-credentials", "keycloak-db-credentials", "audit-checkpoint-keys",
                "web-console-secrets", "keycloak-tls"), named);
        String guide = Files.readString(Manifests.ROOT.resolve("docs/operations.md"));
        int section = guide.indexOf("## Kubernetes");
        assertTrue(section >= 0, "docs/operations.md has a Kubernetes section");
        String kubernetes = guide.substring(section);
        for (String secret : named) {
            assertTrue(kubernetes.contains("`" + secret + "`"), "docs/operations.md tells the operator to supply " + secret);
        }
        assertTrue(kubernetes.contains("`joinedup-storage`"), "docs/operations.md names the storage class to supply");
    }

    private static void collectSecrets(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                String key = f.getKey();
                JsonNode v = f.getValue();
                if ((key.equals("secretKeyRef") || key.equals("secret") || key.equals("passwordSecret") || key.equals("usernameSecret"))
                        && v.has("name")) {
                    into.add(v.path("name").asText());
                } else if (key.equals("tlsSecret") && v.isTextual()) {
                    into.add(v.asText());
                }
                collectSecrets(v, into);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectSecrets(n, into));
        }
    }

    @Test
    void topics_are_declared_as_the_services_use_them_on_the_cluster_the_services_are_pointed_at() throws IOException {
        List<Kafka> clusters = all(Kafka.class);
        assertEquals(1, clusters.size());
        Kafka kafka = clusters.get(0);
        String cluster = kafka.getMetadata().getName();
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream().filter(l -> !l.isTls()).findFirst().orElseThrow();
        Map<String, String> config = config().getData();
        assertEquals(cluster + "-kafka-bootstrap:" + plain.getPort(), config.get("KAFKA_BOOTSTRAP_SERVERS"),
                "the services are pointed at the Kafka cluster's bootstrap service");

        int replicas = Integer.parseInt(config.get("JOINEDUP_KAFKA_REPLICATION_FACTOR"));
        int minInsync = Integer.parseInt(config.get("JOINEDUP_KAFKA_MIN_INSYNC_REPLICAS"));
        int partitions = Integer.parseInt(config.get("JOINEDUP_KAFKA_PARTITIONS"));
        int nodes = all(KafkaNodePool.class).stream().filter(p -> cluster.equals(p.getMetadata().getLabels().get("strimzi.io/cluster"))
                && p.getSpec().getRoles().stream().anyMatch(r -> r.toValue().equals("broker"))).mapToInt(p -> p.getSpec().getReplicas()).sum();
        assertTrue(nodes >= replicas && replicas > minInsync, "brokers " + nodes + " >= replicas " + replicas + " > min in sync " + minInsync);
        assertEquals(String.valueOf(minInsync), String.valueOf(kafka.getSpec().getKafka().getConfig().get("min.insync.replicas")));

        Set<String> used = new TreeSet<>();
        for (String t : List.of(Topics.CONCERNS, Topics.REFERRALS, Topics.DIRECTORY, Topics.ACCESS, Topics.NOTIFICATIONS)) {
            used.add(t);
            used.add(t + ".dead-letter");
        }
        Set<String> auditOwn = auditTopics();
        used.addAll(auditOwn);
        Map<String, KafkaTopic> declared = all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));
        assertEquals(used, new TreeSet<>(declared.keySet()), "the topics declared are the topics the services use");
        for (KafkaTopic t : declared.values()) {
            String name = t.getSpec().getTopicName();
            assertEquals(cluster, t.getMetadata().getLabels().get("strimzi.io/cluster"), name);
            assertEquals(auditOwn.contains(name) ? 1 : partitions, t.getSpec().getPartitions(), name + " partitions");
            assertEquals(replicas, t.getSpec().getReplicas(), name + " replicas");
            assertEquals(String.valueOf(minInsync), String.valueOf(t.getSpec().getConfig().get("min.insync.replicas")), name);
            assertEquals("-1", String.valueOf(t.getSpec().getConfig().get("retention.ms")), name + " is kept for ever");
        }
    }

    /** The audit service's single-partition topics, by their configured defaults. */
    static Set<String> auditTopics() throws IOException {
        Set<String> topics = new TreeSet<>();
        Pattern topicDefault = Pattern.compile("@WithName\\(\"[a-z-]*topic\"\\)\\s*@WithDefault\\(\"([^\"]+)\"\\)|@WithDefault\\(\"(audit\\.[a-z-]+)\"\\)");
        try (Stream<Path> sources = Files.walk(Manifests.ROOT.resolve("audit-service/src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith("Settings.java")).toList()) {
                Matcher m = topicDefault.matcher(Files.readString(source));
                while (m.find()) {
                    topics.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        assertEquals(Set.of("audit.ledger-order", "audit.checkpoints"), topics, "the audit service's own topics were found");
        return topics;
    }

    @Test
    void every_database_a_service_is_given_exists_on_the_cluster_it_names() {
        List<Manifests.Document> clusters = generic("Cluster");
        assertEquals(1, clusters.size());
        String cluster = clusters.get(0).name();
        Set<String> databases = new HashSet<>();
        databases.add(clusters.get(0).tree().at("/spec/bootstrap/initdb/database").asText());
        for (Manifests.Document db : generic("Database")) {
            assertEquals(cluster, db.tree().at("/spec/cluster/name").asText(), db.toString());
            databases.add(db.tree().at("/spec/name").asText());
        }
        Pattern jdbc = Pattern.compile("jdbc:postgresql://([a-z0-9-]+):5432/([a-z_]+)");
        for (Deployment d : all(Deployment.class)) {
            String url = env(d.getSpec().getTemplate().getSpec().getContainers().get(0), "JOINEDUP_DB_URL");
            if (url == null) {
                continue;
            }
            Matcher m = jdbc.matcher(url);
            assertTrue(m.matches(), url);
            assertEquals(cluster + "-rw", m.group(1), d.getMetadata().getName() + " writes to the primary");
            assertTrue(databases.contains(m.group(2)), d.getMetadata().getName() + "'s database " + m.group(2) + " is created");
            String reactive = env(d.getSpec().getTemplate().getSpec().getContainers().get(0), "JOINEDUP_DB_REACTIVE_URL");
            if (reactive != null) {
                assertEquals(url.substring("jdbc:".length()), reactive, d.getMetadata().getName() + ": the reactive client reaches the same database");
            }
        }
        Manifests.Document keycloak = generic("Keycloak").get(0);
        assertEquals(cluster + "-rw", keycloak.tree().at("/spec/db/host").asText());
        assertTrue(databases.contains(keycloak.tree().at("/spec/db/database").asText()));
    }

    @Test
    void the_services_trust_the_realm_keycloak_serves_and_the_console_calls_services_that_exist() {
        Manifests.Document keycloak = generic("Keycloak").get(0);
        String hostname = keycloak.tree().at("/spec/hostname/hostname").asText();
        assertEquals(hostname + "/realms/joinedup", config().getData().get("JOINEDUP_OIDC_URL"));
        Deployment console = all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals("web-console")).findFirst().orElseThrow();
        Container c = console.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(hostname, env(c, "JOINEDUP_OIDC_ORIGIN"));
        Map<String, Integer> services = all(Service.class).stream()
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s.getSpec().getPorts().get(0).getPort()));
        for (String variable : List.of("JOINEDUP_CONCERNS_URL", "JOINEDUP_REFERRALS_URL", "JOINEDUP_DIRECTORY_URL", "JOINEDUP_AUDIT_URL")) {
            Matcher m = Pattern.compile("http://([a-z-]+):(\\d+)").matcher(env(c, variable));
            assertTrue(m.matches(), variable);
            assertEquals(services.get(m.group(1)), Integer.valueOf(m.group(2)), variable + " names a Service and its port");
        }
    }

    private static String env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst().orElse(null);
    }
}
