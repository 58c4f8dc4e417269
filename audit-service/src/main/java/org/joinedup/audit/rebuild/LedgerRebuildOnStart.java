package org.joinedup.audit.rebuild;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.joinedup.audit.ledger.LedgerRecorder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * With {@code joinedup.audit.rebuild-from} set and an empty ledger, rebuilds the ledger from that
 * ledger-order topic at start, before live consumption begins (this observer runs first).
 */
@ApplicationScoped
public class LedgerRebuildOnStart {
    private static final Logger LOG = Logger.getLogger(LedgerRebuildOnStart.class);
    private final LedgerOrderSettings settings;
    private final LedgerReplayer replayer;
    private final DataSource dataSource;
    private final LedgerRecorder recorder;

    public LedgerRebuildOnStart(LedgerOrderSettings settings, LedgerReplayer replayer, DataSource dataSource,
                                LedgerRecorder recorder) {
        this.settings = settings;
        this.replayer = replayer;
        this.dataSource = dataSource;
        this.recorder = recorder;
    }

    void rebuild(@Observes @Priority(1) StartupEvent ignored) throws SQLException {
        if (settings.rebuildFrom().isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select exists (select 1 from ledger_entry)")) {
            rs.next();
            if (rs.getBoolean(1)) {
                LOG.infof("rebuild from %s skipped: the ledger is not empty", settings.rebuildFrom().get());
                return;
            }
        }
        LedgerReplayer.Replay replay = replayer.replay(settings.rebuildFrom().get(), dataSource, recorder.consumerName());
        if (replay.mismatches() > 0) {
            LOG.errorf("rebuild from %s: %d entries hash differently from the original: see the errors above",
                    settings.rebuildFrom().get(), replay.mismatches());
        }
    }
}
