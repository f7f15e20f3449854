package org.imssim.tests.bench;

import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.Firmware;
import org.imssim.firmware.alarm.AcknowledgeOutcome;
import org.imssim.firmware.alarm.Occurrence;
import org.imssim.firmware.alarm.Via;
import org.imssim.firmware.config.ConfigLoader;
import org.imssim.firmware.config.ConfigResult;
import org.imssim.firmware.store.NewMail;
import org.imssim.firmware.store.StoreWorker;
import org.imssim.hal.mock.MockDigitalInput;
import org.imssim.tests.bench.NoDelaySmtp.Arrival;

/**
 * Alarm latency (issue B): from the end of an input's recognition time (the occurrence's
 * {@code openedAt}) to the SMTP server's acceptance of that alarm's mail, one alarm at a time on a
 * running unit ({@link Firmware#start}: system clock, Netty loop, SQLite store, durable outbox),
 * beside bare Jakarta Mail sends of the same message to the same server in the same run, both
 * over a new connection per mail (what the unit does for an alarm that finds the outbox empty:
 * {@code MailDelivery} lets the kept connection go when the outbox empties) and over one kept
 * connection (what {@code SmtpMailer} does within a busy outbox).
 *
 * <p>The server is {@link NoDelaySmtp} (GreenMail with TCP_NODELAY); acceptance is when it stores
 * the mail, just before its {@code 250}. Alarms and the two baselines run in interleaved blocks,
 * each mail after a pause, so that every alarm finds the unit idle and drift hits all three alike.
 */
final class AlarmLatencyBenchmark {

    private static final int ALARMS = Integer.getInteger("bench.alarm.count", 1000);
    private static final int WARMUP = Integer.getInteger("bench.alarm.warmup", 200);
    private static final int GAP_MS = Integer.getInteger("bench.alarm.gap", 20);
    private static final int BLOCK = 100;
    private static final String TO = "alice@example.com";
    private static final InputAddress INPUT = InputAddress.parse("host/6");
    /** Headers the server adds or each send makes anew. */
    private static final Set<String> NOT_COPIED = Set.of("received", "return-path", "message-id", "date",
            "mime-version", "content-type", "content-transfer-encoding", "from", "to", "subject");

    private final Path out;
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();

    AlarmLatencyBenchmark(Path out) {
        this.out = out;
    }

    String run() throws Exception {
        NoDelaySmtp mail = new NoDelaySmtp();
        mail.start();
        mail.onDelivered(TO, arrivals::add);
        Path dir = Files.createTempDirectory(out, "alarm");
        ConfigResult config = ConfigLoader.load("""
                unit: {name: Server Room, time-zone: UTC}
                email:
                  smtp: {server: 127.0.0.1, port: %d, security: none}
                  return-address: ims@example.com
                storage: {dir: ./data}
                web: {bind: 127.0.0.1, port: 0}
                inputs:
                  - {channel: 6, type: water, name: Floor Leak, recognition-time: 0s, return-to-normal: false,
                     backend: mock}
                profiles:
                  - {username: alice, password: wonderland, level: master, classes: [Water],
                     contacts: [{email: %s}]}
                """.formatted(mail.port(), TO), dir, name -> null);
        Benchmarks.check(config.errors().isEmpty(), "Bench configuration: " + config.errors());
        Firmware firmware = Firmware.start(config.config());
        StoreWorker store = StoreWorker.open(Files.createTempDirectory(out, "alarm-commit"), "bench");
        try {
            Alarms alarms = new Alarms(firmware);
            alarms.one(); // the first alarm's mail is the message the baseline sends
            MimeMessage sample = mail.getReceivedMessages()[0];
            Bare bare = new Bare(mail.port(), sample);
            for (int i = 0; i < WARMUP; i++) {
                alarms.one();
                bare.newConnection();
                bare.keptConnection();
                commit(store, i);
            }
            List<double[]> alarm = new ArrayList<>();
            List<Double> fresh = new ArrayList<>();
            List<Double> kept = new ArrayList<>();
            List<Double> commits = new ArrayList<>();
            for (int done = 0; done < ALARMS; done += BLOCK) {
                int n = Math.min(BLOCK, ALARMS - done);
                for (int i = 0; i < n; i++) {
                    alarm.add(alarms.one());
                }
                for (int i = 0; i < n; i++) {
                    fresh.add(bare.newConnection());
                }
                for (int i = 0; i < n; i++) {
                    kept.add(bare.keptConnection());
                }
                for (int i = 0; i < n; i++) {
                    commits.add(commit(store, done + i));
                }
            }
            bare.close();
            ByteArrayOutputStream alarmBytes = new ByteArrayOutputStream();
            sample.writeTo(alarmBytes, new String[] {"Received", "Return-Path"}); // as sent, not as stored
            return report(alarm, fresh, kept, commits, alarmBytes.size(), bare.size, alarms.sent);
        } finally {
            store.close();
            firmware.close();
            mail.stop();
        }
    }

    /**
     * One durable SQLite commit on a store of its own, on the same disk (the outbox enqueue the
     * alarm's mail also makes, synchronous=FULL): ms from submit to durable.
     */
    private double commit(StoreWorker store, int i) throws Exception {
        Thread.sleep(GAP_MS);
        NewMail m = new NewMail("<bench-" + i + "-" + System.nanoTime() + "@example.com>", "ims@example.com", TO,
                "IMS-4000 ALARM: Server Room - Floor Leak - Wet", "Alarm body " + i + "\n",
                Map.of("Auto-Submitted", "auto-generated"), "alarm", Instant.now());
        long t0 = System.nanoTime();
        store.call(s -> s.outbox().enqueue(m)).join();
        return (System.nanoTime() - t0) / 1e6;
    }

    private String report(List<double[]> alarm, List<Double> fresh, List<Double> kept, List<Double> commits,
                          int alarmBytes, int bareBytes, int alarmsSent) {
        Stats fromOpen = Stats.of(alarm.stream().mapToDouble(a -> a[0]).toArray());
        Stats fromTrigger = Stats.of(alarm.stream().mapToDouble(a -> a[1]).toArray());
        Stats newConn = Stats.of(fresh.stream().mapToDouble(Double::doubleValue).toArray());
        Stats keptConn = Stats.of(kept.stream().mapToDouble(Double::doubleValue).toArray());
        Stats commit = Stats.of(commits.stream().mapToDouble(Double::doubleValue).toArray());
        boolean p99Met = fromOpen.p99() < 25;
        boolean p50Met = fromOpen.p50() <= 1.5 * newConn.p50();
        return "## Alarm latency: end of recognition time → SMTP server accepted (issue B)\n\n"
                + "`BENCH_ONLY=alarm mvn -B -Pbench -pl tests -am -DskipTests verify` (" + ALARMS
                + " alarms and as many sends of each baseline, in interleaved blocks of " + BLOCK
                + ", after a warm-up of " + WARMUP + " of each; " + GAP_MS + " ms pause before each; server: "
                + "GreenMail SMTP with TCP_NODELAY on 127.0.0.1; message " + alarmBytes + " bytes from the unit, "
                + bareBytes + " bytes from the baseline)\n\n"
                + "| what | p50 | p90 | p99 | max |\n|---|---|---|---|---|\n"
                + row("bare Jakarta Mail send, new connection per mail (baseline)", newConn)
                + row("bare Jakarta Mail send, one kept connection", keptConn)
                + row("imssim alarm: occurrence opened → accepted", fromOpen)
                + row("imssim alarm: input changed (mock level set) → accepted", fromTrigger)
                + row("for reading: one SQLite commit, submit → durable (outbox enqueue, own store)", commit)
                + "\nRatio at p50, alarm / bare new connection: **" + Stats.ratio(fromOpen.p50(), newConn.p50())
                + "**; alarm / bare kept connection: " + Stats.ratio(fromOpen.p50(), keptConn.p50())
                + ". Ratio at p99, alarm / bare new connection: " + Stats.ratio(fromOpen.p99(), newConn.p99()) + ".\n\n"
                + "Goal p99 < 25 ms: **" + (p99Met ? "met" : "missed") + "**. Goal p50 within 1.5× of the bare send "
                + "(new connection, as the unit sends an isolated alarm): **" + (p50Met ? "met" : "missed") + "**.\n\n"
                + "Mails the alarms sent: " + alarmsSent + " (one per alarm).\n";
    }

    private static String row(String what, Stats s) {
        return "| " + what + " | " + Stats.ms(s.p50()) + " | " + Stats.ms(s.p90()) + " | " + Stats.ms(s.p99())
                + " | " + Stats.ms(s.max()) + " |\n";
    }

    private Arrival arrival() throws Exception {
        Arrival a = arrivals.poll(10, TimeUnit.SECONDS);
        Benchmarks.check(a != null, "A mail did not arrive within 10 s");
        return a;
    }

    private void pause() throws Exception {
        Thread.sleep(GAP_MS);
        Benchmarks.check(arrivals.isEmpty(), "A mail arrived that no alarm or send accounts for");
    }

    /** Alarms of one water input on the running unit, one at a time. */
    private final class Alarms {
        private final Firmware firmware;
        private final MockDigitalInput channel;
        private final boolean wet;
        private String lastOccurrence = "";
        int sent;

        Alarms(Firmware firmware) {
            this.firmware = firmware;
            var unit = firmware.unit();
            this.channel = (MockDigitalInput) unit.onLoop(() -> unit.hardware().mockChannel(INPUT).orElseThrow()).join();
            this.wet = unit.onLoop(() -> unit.hardware().input(INPUT).orElseThrow().type().levelForWord("wet")).join();
        }

        /**
         * Raises an alarm, waits for its mail, then acknowledges it (as through the API) and dries
         * the input, so that the next one starts a new occurrence.
         *
         * @return ms from the occurrence's opening, and from setting the level, to acceptance
         */
        double[] one() throws Exception {
            var unit = firmware.unit();
            pause();
            long t0 = unit.onLoop(() -> {
                long t = System.nanoTime();
                channel.mockLevel(wet);
                return t;
            }).join();
            Arrival accepted = arrival();
            Occurrence occurrence = unit.onLoop(() -> {
                Occurrence o = unit.alarms().occurrence(INPUT).orElseThrow();
                AcknowledgeOutcome ack = unit.alarms().acknowledgeInput(INPUT, "alice", Via.API);
                if (!(ack instanceof AcknowledgeOutcome.Acknowledged)) {
                    throw new IllegalStateException("Not acknowledged: " + ack);
                }
                channel.mockLevel(!wet);
                return o;
            }).join();
            Benchmarks.check(!occurrence.id().equals(lastOccurrence), "No new occurrence started");
            lastOccurrence = occurrence.id();
            sent++;
            return new double[] {
                Duration.between(occurrence.openedAt(), accepted.wall()).toNanos() / 1e6,
                (accepted.nanos() - t0) / 1e6,
            };
        }
    }

    /** Jakarta Mail sends of the alarm's message, with SmtpMailer's session settings. */
    private final class Bare implements AutoCloseable {
        private final Session session;
        private final MimeMessage sample;
        private final String body;
        private final List<Header> headers = new ArrayList<>();
        private Transport kept;
        int size;

        Bare(int port, MimeMessage sample) throws Exception {
            Properties props = new Properties();
            props.setProperty("mail.smtp.host", "127.0.0.1");
            props.setProperty("mail.smtp.port", Integer.toString(port));
            props.setProperty("mail.smtp.connectiontimeout", "10000");
            props.setProperty("mail.smtp.timeout", "10000");
            props.setProperty("mail.smtp.writetimeout", "10000");
            props.setProperty("mail.smtp.auth", "false");
            props.setProperty("mail.smtp.localhost", localHost()); // resolved once, as SmtpMailer does
            this.session = Session.getInstance(props);
            this.sample = sample;
            this.body = (String) sample.getContent();
            for (Header h : Collections.list(sample.getAllHeaders())) {
                if (!NOT_COPIED.contains(h.getName().toLowerCase(Locale.ROOT))) {
                    headers.add(h);
                }
            }
            MimeMessage m = message();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            m.writeTo(bytes);
            size = bytes.size();
        }

        /** The alarm's message: same sender, recipient, subject, body and extra headers; a new Message-ID. */
        private MimeMessage message() throws Exception {
            MimeMessage m = new MimeMessage(session);
            m.setSentDate(new java.util.Date());
            m.setFrom(sample.getFrom()[0]);
            m.setRecipients(Message.RecipientType.TO, sample.getRecipients(Message.RecipientType.TO));
            m.setSubject(sample.getSubject(), "UTF-8");
            for (Header h : headers) {
                m.setHeader(h.getName(), h.getValue());
            }
            m.setText(body, "UTF-8");
            m.setHeader("Content-Transfer-Encoding", "7bit");
            m.saveChanges();
            return m;
        }

        /** ms from building the message to acceptance, over a new connection (closed after). */
        double newConnection() throws Exception {
            pause();
            long t0 = System.nanoTime();
            MimeMessage m = message();
            Transport t = session.getTransport("smtp");
            try {
                t.connect();
                t.sendMessage(m, m.getAllRecipients());
                return (arrival().nanos() - t0) / 1e6;
            } finally {
                t.close();
            }
        }

        /** ms from building the message to acceptance, over the kept connection. */
        double keptConnection() throws Exception {
            if (kept == null) {
                kept = session.getTransport("smtp");
                kept.connect();
            }
            pause();
            long t0 = System.nanoTime();
            MimeMessage m = message();
            kept.sendMessage(m, m.getAllRecipients());
            return (arrival().nanos() - t0) / 1e6;
        }

        @Override
        public void close() throws Exception {
            if (kept != null) {
                kept.close();
            }
        }

        private static String localHost() {
            try {
                InetAddress local = InetAddress.getLocalHost();
                String name = local.getCanonicalHostName();
                return name == null || name.isBlank() || name.equals(local.getHostAddress())
                        ? "[" + local.getHostAddress() + "]" : name;
            } catch (Exception e) {
                return "[127.0.0.1]";
            }
        }
    }
}
