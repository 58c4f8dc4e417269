package org.joinedup.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at real infrastructure: its own database on the test JVM's
 * PostgreSQL server, the Kafka broker, and quarkus-oidc verifying tokens signed by
 * {@link TestTokens}. Use with {@code @WithTestResource(value = RealInfrastructure.class,
 * initArgs = @ResourceArg(name = "database", value = "concern"))}.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {
    private String database = "app";
    private String appRole;
    private boolean reactive;

    /**
     * {@code database}: the test database's name. {@code app-role}: for a service that runs as an
     * application role while its migrations run as the owner (a datasource named {@code owner}), the
     * role the service connects as; without it the service connects as the owner. {@code reactive}:
     * {@code true} for a service that also reaches its database through the reactive client.
     */
    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        appRole = initArgs.get("app-role");
        reactive = Boolean.parseBoolean(initArgs.getOrDefault("reactive", "false"));
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure.ensureStarted();
        PostgresServer pg = TestInfrastructure.postgres();
        pg.createDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
        config.put("quarkus.datasource.username", appRole != null ? appRole : "postgres");
        config.put("quarkus.datasource.password", "");
        if (reactive) {
            config.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + pg.port() + "/" + database);
        }
        if (appRole != null) {
            config.put("quarkus.datasource.owner.username", "postgres");
        }
        config.put("kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
        config.put("joinedup.kafka.group-prefix", database + ".");
        config.put("quarkus.oidc.public-key", TestTokens.publicKey());
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        config.put("quarkus.oidc.token.audience", TestTokens.AUDIENCE);
        return config;
    }

    @Override
    public void stop() {
        // The servers outlive one test class: the JVM's shutdown hook stops them.
    }
}
