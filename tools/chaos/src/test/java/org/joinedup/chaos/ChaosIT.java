package org.joinedup.chaos;

import org.joinedup.testing.Processes;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chaos harness in the build: concerns at a bounded rate with idempotent retries while each
 * service, the broker and PostgreSQL are SIGKILLed in turn (the settings come from the chaos module's
 * properties: one broker and one instance of each service here; {@code tools/chaos/run.sh} runs
 * others). Nothing accepted may be lost or doubled, nothing stored may go unanswered, no answer may be
 * a 500, and the outboxes and dead-letter topics must end empty.
 */
class ChaosIT {
    @Test
    void every_accepted_concern_is_in_the_ledger_exactly_once_whatever_is_killed() throws Exception {
        Chaos.Settings settings = Chaos.Settings.fromSystemProperties();
        Chaos.Report report = Chaos.run(settings);
        String table = report.table();
        System.out.println(table);
        Path out = Processes.projectRoot().resolve("target/chaos");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report-" + settings.brokers() + "-brokers-" + settings.instances() + "-instances.md"), table);
        assertEquals(6, report.parts().size(), "each service, the broker and PostgreSQL were killed");
        assertTrue(report.sent() > 0 && report.clean(), table);
    }
}
