package io.slipway.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.common.Clock;
import io.slipway.core.store.StoreException;
import io.slipway.core.store.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {
    @TempDir
    Path dir;
    Workspace ws;
    AuditTrail trail;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir);
        AtomicLong tick = new AtomicLong();
        Clock clock = () -> Instant.parse("2026-11-23T10:00:00Z").plusSeconds(tick.incrementAndGet());
        trail = new AuditTrail(ws.jdbc(), clock, "alice");
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void eachEventLinksToThePreviousOne() {
        AuditEvent first = trail.record("node.added", "build-node-01", Map.of("endpoint", "unix:///x.sock"));
        AuditEvent second = trail.record("deploy.started", "perception-core@2.4.0", Map.of("nodes", 3));
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditTrail.GENESIS);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.who()).isEqualTo("alice");
        assertThat(trail.verify().intact()).isTrue();
        assertThat(trail.verify().eventsChecked()).isEqualTo(2);
        assertThat(trail.latest(10)).extracting(AuditEvent::action).containsExactly("deploy.started", "node.added");
    }

    @Test
    void updatesAndDeletesAreRefusedByTheStore() {
        trail.record("a", "s", Map.of());
        assertThatThrownBy(() -> ws.jdbc().update("UPDATE audit_event SET subject = 'x'"))
                .isInstanceOf(StoreException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> ws.jdbc().update("DELETE FROM audit_event"))
                .isInstanceOf(StoreException.class).hasMessageContaining("append-only");
    }

    @Test
    void tamperingWithARowIsCaughtAtThatRow() throws Exception {
        for (int i = 1; i <= 5; i++) {
            trail.record("step", "subject-" + i, Map.of("i", i));
        }
        tamper("UPDATE audit_event SET details = '{\"i\":99}' WHERE seq = 3");

        ChainVerification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenSeq()).contains(3L);
        assertThat(v.reason()).contains("content does not match its hash");
        assertThat(v.eventsChecked()).isEqualTo(2);
    }

    @Test
    void rehashingATamperedRowBreaksTheNextLink() throws Exception {
        for (int i = 1; i <= 4; i++) {
            trail.record("step", "subject-" + i, Map.of("i", i));
        }
        AuditEvent e2 = trail.latest(4).get(2);
        String forged = AuditHashing.hash(e2.hashVersion(), e2.prevHash(), 2, e2.at(), e2.who(), e2.action(), "forged",
                e2.detailsJson(), e2.host(), e2.reason());
        tamper("UPDATE audit_event SET subject = 'forged', hash = '" + forged + "' WHERE seq = 2");

        ChainVerification v = trail.verify();
        assertThat(v.firstBrokenSeq()).contains(3L);
        assertThat(v.reason()).contains("link");
    }

    @Test
    void aDeletedRowIsNamed() throws Exception {
        for (int i = 1; i <= 3; i++) {
            trail.record("step", "s" + i, Map.of());
        }
        tamper("DELETE FROM audit_event WHERE seq = 2");
        ChainVerification v = trail.verify();
        assertThat(v.firstBrokenSeq()).contains(2L);
        assertThat(v.reason()).contains("missing");
    }

    @Test
    void eventsCarryHostAndTheReasonGivenForThem() {
        trail = new AuditTrail(ws.jdbc(), () -> Instant.parse("2026-11-23T10:00:00Z"), new Actor("alice", "lab-laptop"));
        AuditEvent none = trail.record("node.added", "n1", Map.of());
        AuditEvent scoped = trail.withReason("ticket OPS-12:\nswap disk", () -> trail.record("node.edited", "n1", Map.of()));
        trail.setSessionReason("nightly rollout");
        AuditEvent session = trail.record("deploy.started", "x@1", Map.of());
        AuditEvent scopedWins = trail.withReason("hotfix", () -> trail.record("deploy.started", "x@2", Map.of()));

        assertThat(none.reason()).isNull();
        assertThat(none.whoAndWhere()).isEqualTo("alice@lab-laptop");
        assertThat(scoped.reason()).isEqualTo("ticket OPS-12: swap disk");
        assertThat(session.reason()).isEqualTo("nightly rollout");
        assertThat(scopedWins.reason()).isEqualTo("hotfix");
        assertThat(trail.latest(1).get(0)).isEqualTo(scopedWins);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aChangedReasonIsCaughtByTheHash() throws Exception {
        trail.withReason("planned", () -> trail.record("deploy.started", "x@1", Map.of()));
        tamper("UPDATE audit_event SET reason = 'unplanned' WHERE seq = 1");
        assertThat(trail.verify().firstBrokenSeq()).contains(1L);
    }

    @Test
    void eventsWrittenBeforeSchema7KeepVerifying() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        String v1 = AuditHashing.hash(AuditHashing.V1, AuditHashing.GENESIS, 1, at, "bob", "node.added", "n", "{}",
                null, null);
        ws.jdbc().update("INSERT INTO audit_event (seq, at, who, action, subject, details, prev_hash, hash) "
                + "VALUES (1, ?, 'bob', 'node.added', 'n', '{}', ?, ?)", io.slipway.core.store.Jdbc.utc(at),
                AuditHashing.GENESIS, v1);
        AuditEvent next = trail.record("node.removed", "n", Map.of());
        assertThat(next.prevHash()).isEqualTo(v1);
        assertThat(trail.latest(2).get(1).hashVersion()).isEqualTo(1);
        assertThat(trail.verify().intact()).isTrue();
    }

    /** What an attacker with file access could do: drop the guard trigger, then edit. */
    private void tamper(String sql) throws Exception {
        try (Connection c = ws.connection(); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_event_append_only");
            st.execute(sql);
        }
    }
}
