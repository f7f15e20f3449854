package org.imssim.firmware.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.testing.Soon.soon;

import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.imssim.firmware.mail.outbound.NoDelayGreenMail;
import org.imssim.firmware.mail.outbound.OutgoingMail;
import org.imssim.firmware.store.NewMail;
import org.imssim.firmware.store.Store;
import org.imssim.firmware.store.StoredMail;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMTP server accepted a mail but the outbox cannot record it (a write that fails: a full
 * disk, a damaged card). SPEC §6 allows a second copy only when the process dies in between;
 * while it runs, the unit must not send the mail again, nor try again at once, again and again.
 *
 * <p>The failing write is made real with an SQLite trigger that refuses deleting from the outbox,
 * added to the unit's database file before the unit starts and dropped when the "disk" is fixed.
 */
class OutboxWriteFailureTest {

    private final NoDelayGreenMail server = new NoDelayGreenMail(ServerSetup.PROTOCOL_SMTP);
    private UnitFixture unit;

    @TempDir
    Path storage;

    @AfterEach
    void stop() {
        if (unit != null) {
            unit.close();
        }
        server.stop();
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + storage.resolve(Store.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute(statement);
        }
    }

    private long pending() {
        return unit.onLoop(() -> unit.unit().health()).outbox().pending();
    }

    @Test
    void aMailTheServerAcceptedIsNotSentAgainWhileItsRemovalCannotBeStored() throws Exception {
        server.start();
        Store.open(storage).close();
        sql("CREATE TRIGGER outbox_cannot_delete BEFORE DELETE ON outbox BEGIN SELECT RAISE(ABORT, 'disk I/O'); END");
        unit = UnitFixture.startOn(storage, UnitFixture.smtpOnly(server.port(ServerSetup.PROTOCOL_SMTP)));
        NewMail alarm = new NewMail(OutgoingMail.newMessageId("example.com"), "ims@example.com", "alice@example.com",
                "IMS-4000 ALARM: Lab - Leak - Wet", "Leak is wet.\n", Map.of(OutgoingMail.AUTO_SUBMITTED, "auto-generated"),
                "alarm", unit.clock().now());
        StoredMail stored = unit.await(() -> unit.unit().delivery().send(alarm));
        assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();

        // Whatever the unit does next happens on its clock: let every timer it sets run, a few times.
        for (int i = 0; i < 4; i++) {
            soon().until(() -> unit.clock().nextDue().isPresent());
            assertThat(unit.clock().nextDue().get()).as("not again at once").isAfter(unit.clock().now());
            unit.clock().advanceToNextTimer();
        }
        soon().until(() -> unit.clock().nextDue().isPresent());
        assertThat(server.getReceivedMessages()).as("sent once, although still in the outbox").hasSize(1);
        assertThat(unit.store().call(s -> s.outbox().find(stored.id())).join()).isPresent();
        assertThat(unit.eventTexts()).filteredOn(t -> t.startsWith("E-mail sent to")).hasSize(1);

        // The store can write again: the mail leaves the outbox, and is still not sent twice.
        sql("DROP TRIGGER outbox_cannot_delete");
        unit.clock().advance(Duration.ofMinutes(5));
        soon().until(() -> unit.store().call(s -> s.outbox().find(stored.id())).join().isEmpty());
        soon().until(() -> pending() == 0);
        unit.clock().advance(Duration.ofMinutes(5));
        assertThat(server.getReceivedMessages()).hasSize(1);
        assertThat(unit.clock().nextDue()).isEmpty();
    }
}
