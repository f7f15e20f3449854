package org.imssim.tests.bench;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.imssim.devices.powergate.PowerGate;
import org.imssim.firmware.Firmware;

/**
 * Outlet commands by e-mail (issue C): the time from an {@code outlet} command mail's arrival in the
 * unit's mailbox to its relay switching, and to its reply arriving, beside a {@code status}
 * command's round trip (arrival → reply) measured in the same run, interleaved, on the same unit.
 * The unit reads its mailbox over IMAP IDLE ({@code poll-interval: 1h}). The relay's moment is taken
 * by a listener on the mock PowerGate, on the unit's loop. The unit-wide rate limit (100 replies an
 * hour) caps the run at 50 pairs, warm-up included.
 */
final class OutletBenchmark {

    private static final List<String> USERS = ImapBenchUnit.USERS;
    private static final String UNIT = ImapBenchUnit.UNIT;
    /**
     * The pause after each reply. A mail that lands while the unit is between its IDLE sessions
     * (just after handling the previous one) was seen to wait for the next poll, so each command
     * is sent once the unit is idling again.
     */
    private static final long GAP_MS = 250;

    private final Path out;
    private final int pairs = Integer.getInteger("bench.outlets.count", 40);
    private final int warmup = Integer.getInteger("bench.outlets.warmup", 5);

    OutletBenchmark(Path out) {
        this.out = out;
    }

    String run() throws Exception {
        Benchmarks.check(pairs + warmup <= 50, "At most 50 pairs: the unit answers 100 commands an hour");
        BlockingQueue<NoDelaySmtp.Arrival> toUnit = new LinkedBlockingQueue<>();
        BlockingQueue<NoDelaySmtp.Arrival> replies = new LinkedBlockingQueue<>();
        BlockingQueue<Long> relays = new LinkedBlockingQueue<>();
        NoDelaySmtp mail = NoDelaySmtp.withImap();
        mail.start();
        mail.onDelivered(UNIT, toUnit::add);
        for (String u : USERS) {
            mail.onDelivered(u + "@example.com", replies::add);
        }
        Firmware firmware = ImapBenchUnit.start(Files.createTempDirectory(out, "outlets"), mail, "powergates: [{number: 1, name: Rack A, outlets: 1, outlet-names: [Router], backend: mock}]");
        double[] toRelay = new double[pairs];
        double[] outletRoundTrip = new double[pairs];
        double[] statusRoundTrip = new double[pairs];
        try (Transport smtp = ImapBenchUnit.smtpSession(mail.port()).getTransport("smtp")) {
            firmware.unit().onLoop(() -> {
                PowerGate gate = firmware.unit().hardware().powergates().get(1);
                return gate.onOutletChange(change -> relays.add(System.nanoTime()));
            }).join();
            smtp.connect();
            Session session = ImapBenchUnit.smtpSession(mail.port());
            for (int i = -warmup; i < pairs; i++) {
                String user = USERS.get(Math.floorMod(i, USERS.size()));
                // The outlet powers up ON: off first, then on, so that every command moves the relay.
                send(smtp, session, user, "outlet 1 1 " + ((i + warmup) % 2 == 0 ? "off" : "on"));
                NoDelaySmtp.Arrival in = toUnit.poll(30, TimeUnit.SECONDS);
                Long relay = relays.poll(30, TimeUnit.SECONDS);
                NoDelaySmtp.Arrival reply = replies.poll(30, TimeUnit.SECONDS);
                Benchmarks.check(in != null && relay != null && reply != null, "Outlet command " + i + " got no answer");
                TimeUnit.MILLISECONDS.sleep(GAP_MS);
                send(smtp, session, user, "status");
                NoDelaySmtp.Arrival statusIn = toUnit.poll(30, TimeUnit.SECONDS);
                NoDelaySmtp.Arrival statusReply = replies.poll(30, TimeUnit.SECONDS);
                Benchmarks.check(statusIn != null && statusReply != null, "Status command " + i + " got no reply");
                TimeUnit.MILLISECONDS.sleep(GAP_MS);
                if (i >= 0) {
                    toRelay[i] = (relay - in.nanos()) / 1e6;
                    outletRoundTrip[i] = (reply.nanos() - in.nanos()) / 1e6;
                    statusRoundTrip[i] = (statusReply.nanos() - statusIn.nanos()) / 1e6;
                }
            }
        } finally {
            firmware.close();
            mail.stop();
        }
        Stats relay = Stats.of(toRelay);
        Stats outlet = Stats.of(outletRoundTrip);
        Stats status = Stats.of(statusRoundTrip);
        return new StringBuilder()
                .append("## Outlet commands by e-mail: mail's arrival → relay switched (issue C)\n\n")
                .append("`-Dbench.only=outlets`: ").append(pairs).append(" pairs of `outlet 1 1 off|on` and `status`, ")
                .append("interleaved, ").append(GAP_MS).append(" ms apart, after ").append(warmup)
                .append(" unmeasured; IMAP IDLE, GreenMail on 127.0.0.1\n\n")
                .append("| what | p50 | p90 | p99 | max |\n|---|---|---|---|---|\n")
                .append(row("`status`: arrival → reply stored (baseline)", status))
                .append(row("`outlet`: arrival → relay switched", relay))
                .append(row("`outlet`: arrival → reply stored", outlet))
                .append("\nRatios to the baseline: relay switched **").append(Stats.ratio(relay.p50(), status.p50()))
                .append("** at p50, ").append(Stats.ratio(relay.p99(), status.p99())).append(" at p99; ")
                .append("outlet reply ").append(Stats.ratio(outlet.p50(), status.p50())).append(" at p50, ")
                .append(Stats.ratio(outlet.p99(), status.p99())).append(" at p99.\n")
                .toString();
    }

    private static String row(String what, Stats s) {
        return "| " + what + " | " + Stats.ms(s.p50()) + " | " + Stats.ms(s.p90()) + " | " + Stats.ms(s.p99()) + " | "
                + Stats.ms(s.max()) + " |\n";
    }

    private static void send(Transport smtp, Session session, String user, String command) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(user + "@example.com"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(UNIT));
        m.setSubject("ims4000");
        m.setSentDate(new Date());
        m.setText("username: " + user + "\nemail: " + user + "@example.com\npassword: x\ncommand: " + command + "\n",
                "UTF-8");
        m.saveChanges();
        smtp.sendMessage(m, m.getAllRecipients());
    }
}
