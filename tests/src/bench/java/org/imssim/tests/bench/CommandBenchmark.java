package org.imssim.tests.bench;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.imssim.firmware.Firmware;
import org.imssim.firmware.mail.inbound.CommandMailReader;

/**
 * Two-way e-mail (issue D): command latency with IMAP IDLE (the command mail stored in the unit's
 * mailbox → the reply stored in the sender's), commands per second through the whole path beside a
 * bare mail round trip done by a plain Jakarta Mail client in the same run (in turns, several
 * rounds: the bare rate alone swings by half from run to run, and rises as the JIT warms up), and
 * the reader alone, messages per second by shape. The IDLE latency uses a fresh unit; the
 * throughput rounds share one unit, its wall clock moved on an hour before each round so that its
 * rate limits (100 replies an hour, 20 a minute per address) start afresh ({@link KeptUnit}).
 */
final class CommandBenchmark {

    private static final int COMMANDS = 100;
    /** Commands answered before the IDLE latency is measured (the JIT's first passes), out of {@link #COMMANDS}. */
    private static final int IDLE_WARMUP = 10;
    /** Rounds of the throughput part, each the unit's rate then the bare one ({@code -Dbench.commands.rounds}). */
    private static final int ROUNDS = Integer.getInteger("bench.commands.rounds", 5);
    /** The unit's rounds run first and not measured ({@code -Dbench.commands.warmup}). */
    private static final int WARMUP_ROUNDS = Integer.getInteger("bench.commands.warmup", 100);
    /** The bare client's rounds run first and not measured. */
    private static final int BARE_WARMUP_ROUNDS = 10;
    private static final List<String> USERS = ImapBenchUnit.USERS;
    private static final String UNIT = ImapBenchUnit.UNIT;

    private final Path out;

    CommandBenchmark(Path out) {
        this.out = out;
    }

    String run() throws Exception {
        Stats bareIdle = bareIdleNotification();
        Stats idle = idleLatency();
        // The bare rate swings by half from one run to the next on a shared machine: the two are
        // measured in turns, and the medians and the median of each round's ratio are reported.
        double[] unitRates = new double[ROUNDS];
        double[] bareRates = new double[ROUNDS];
        double[] ratios = new double[ROUNDS];
        try (KeptUnit unit = new KeptUnit()) {
            // Warm-up, not measured: the unit's code runs once per command, so the JIT compiler
            // needs thousands of commands to get to all of it; the bare client's runs many times
            // per command and is compiled within a few rounds.
            for (int r = 0; r < WARMUP_ROUNDS; r++) {
                long j0 = jit();
                double unitRate = unit.throughput();
                if (r % 10 == 9 || r == WARMUP_ROUNDS - 1) {
                    System.err.printf("warm-up round %d: unit %.0f/s (JIT %d ms)%n", r, unitRate, jit() - j0);
                }
            }
            for (int r = 0; r < BARE_WARMUP_ROUNDS; r++) {
                bareThroughput();
            }
            for (int r = 0; r < ROUNDS; r++) {
                long j0 = jit();
                double unitRate = unit.throughput();
                long j1 = jit();
                double bareRate = bareThroughput();
                long j2 = jit();
                System.err.printf("round %d: unit %.0f/s (JIT %d ms), bare %.0f/s (JIT %d ms)%n",
                        r, unitRate, j1 - j0, bareRate, j2 - j1);
                unitRates[r] = unitRate;
                bareRates[r] = bareRate;
                ratios[r] = unitRate / bareRate;
            }
        }
        Map<String, Double> reader = readerRates();
        StringBuilder report = new StringBuilder()
                .append("## Two-way e-mail: command latency with IMAP IDLE, commands per second, the reader (issue D)\n\n")
                .append("`mvn -B -Pbench -pl tests -am -DskipTests verify -Dbench.only=commands` (")
                .append(COMMANDS).append(" `status` commands from five addresses per part; GreenMail on 127.0.0.1, ")
                .append("SMTP and IMAP with TCP_NODELAY)\n\n")
                .append("IDLE latency, one command at a time, ").append(IDLE_WARMUP).append(" unmeasured, then ")
                .append(COMMANDS - IDLE_WARMUP).append(" measured:\n\n")
                .append("| what | p50 | p90 | p99 | max |\n|---|---|---|---|---|\n")
                .append("| bare IDLE notification: mail stored → a plain Jakarta Mail client's `idle(true)` returns (baseline) | ")
                .append(Stats.ms(bareIdle.p50())).append(" | ").append(Stats.ms(bareIdle.p90())).append(" | ")
                .append(Stats.ms(bareIdle.p99())).append(" | ").append(Stats.ms(bareIdle.max())).append(" |\n")
                .append("| imssim: command stored in the unit's mailbox → reply stored by the SMTP server | ").append(Stats.ms(idle.p50()))
                .append(" | ").append(Stats.ms(idle.p90())).append(" | ").append(Stats.ms(idle.p99())).append(" | ")
                .append(Stats.ms(idle.max())).append(" |\n\n")
                .append("Ratio imssim / bare notification: ").append(String.format(Locale.ROOT, "%.1f", idle.p50() / bareIdle.p50()))
                .append("× at p50, ").append(String.format(Locale.ROOT, "%.1f", idle.p99() / bareIdle.p99()))
                .append("× at p99. Goal: imssim p99 under 50 ms.\n\n")
                .append("Commands per second, ").append(ROUNDS).append(" rounds after ").append(WARMUP_ROUNDS)
                .append(" unmeasured ones, imssim then bare in each:\n\n")
                .append("| what | median | rounds |\n|---|---|---|\n")
                .append("| bare round trip: SMTP in, IMAP fetch + delete, SMTP reply, one client, kept connections (baseline) | ")
                .append(rate(median(bareRates))).append(" | ").append(rates(bareRates)).append(" |\n")
                .append("| imssim: mailbox (IMAP IDLE) → handled → reply durable in the outbox → accepted by SMTP | ")
                .append(rate(median(unitRates))).append(" | ").append(rates(unitRates)).append(" |\n\n")
                .append("Ratio imssim / bare, median of the rounds' ratios: **")
                .append(String.format(Locale.ROOT, "%.2f", median(ratios))).append("** (rounds: ")
                .append(ratios(ratios)).append("; goal ≥ 0.8).\n\n")
                .append("| reader shape | messages/s |\n|---|---|\n");
        reader.forEach((shape, r) -> report.append("| ").append(shape).append(" | ").append(rate(r)).append(" |\n"));
        return report.toString();
    }

    private static NoDelaySmtp server(BlockingQueue<NoDelaySmtp.Arrival> toUnit, BlockingQueue<NoDelaySmtp.Arrival> replies)
            throws Exception {
        NoDelaySmtp mail = NoDelaySmtp.withImap();
        mail.start();
        mail.onDelivered(UNIT, toUnit::add);
        for (String u : USERS) {
            mail.onDelivered(u + "@example.com", replies::add);
        }
        return mail;
    }

    private static MimeMessage command(Session session, int i, String command) throws Exception {
        String user = USERS.get(i % USERS.size());
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(user + "@example.com"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(UNIT));
        m.setSubject("ims4000");
        m.setText("username: " + user + "\nemail: " + user + "@example.com\ncommand: " + command + "\n", "UTF-8");
        m.saveChanges();
        return m;
    }

    /**
     * The floor of the IDLE latency: a plain Jakarta Mail client in IDLE on the same server, from the
     * mail stored to its {@code idle(true)} returning (the {@code EXISTS} read and {@code DONE}
     * answered), one mail at a time, 20 ms apart, as {@link #idleLatency()} sends its commands.
     */
    private Stats bareIdleNotification() throws Exception {
        BlockingQueue<NoDelaySmtp.Arrival> toUnit = new LinkedBlockingQueue<>();
        NoDelaySmtp mail = server(toUnit, new LinkedBlockingQueue<>());
        Properties imapProps = new Properties();
        imapProps.setProperty("mail.imap.minidletime", "0"); // as the unit sets it
        Store imap = Session.getInstance(imapProps).getStore("imap");
        BlockingQueue<Long> woke = new LinkedBlockingQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Exception> failed = new AtomicReference<>();
        double[] ms = new double[COMMANDS - IDLE_WARMUP];
        Session session = ImapBenchUnit.smtpSession(mail.port());
        try (Transport smtp = session.getTransport("smtp")) {
            imap.connect("127.0.0.1", mail.imapPort(), UNIT, "secret");
            IMAPFolder inbox = (IMAPFolder) imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Thread idler = new Thread(() -> {
                try {
                    while (!done.get()) {
                        inbox.idle(true);
                        woke.add(System.nanoTime());
                    }
                } catch (jakarta.mail.MessagingException e) {
                    failed.set(e);
                }
            }, "bench-idle");
            idler.setDaemon(true);
            idler.start();
            smtp.connect();
            TimeUnit.MILLISECONDS.sleep(100); // let the first IDLE start
            for (int i = 0; i < COMMANDS; i++) {
                MimeMessage m = command(session, i, "status");
                smtp.sendMessage(m, m.getAllRecipients());
                NoDelaySmtp.Arrival in = toUnit.poll(30, TimeUnit.SECONDS);
                Long at = woke.poll(30, TimeUnit.SECONDS);
                Benchmarks.check(in != null && at != null, "The bare IDLE client missed mail " + i
                        + (failed.get() == null ? "" : ": " + failed.get()));
                if (i >= IDLE_WARMUP) {
                    ms[i - IDLE_WARMUP] = (at - in.nanos()) / 1e6;
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        } finally {
            done.set(true);
            imap.close();
            mail.stop();
        }
        return Stats.of(ms);
    }

    private Stats idleLatency() throws Exception {
        BlockingQueue<NoDelaySmtp.Arrival> toUnit = new LinkedBlockingQueue<>();
        BlockingQueue<NoDelaySmtp.Arrival> replies = new LinkedBlockingQueue<>();
        NoDelaySmtp mail = server(toUnit, replies);
        Firmware firmware = ImapBenchUnit.start(Files.createTempDirectory(out, "commands"), mail, "");
        double[] ms = new double[COMMANDS - IDLE_WARMUP];
        Session session = ImapBenchUnit.smtpSession(mail.port());
        try (Transport smtp = session.getTransport("smtp")) {
            smtp.connect();
            for (int i = 0; i < COMMANDS; i++) {
                MimeMessage m = command(session, i, "status");
                smtp.sendMessage(m, m.getAllRecipients());
                NoDelaySmtp.Arrival in = toUnit.poll(30, TimeUnit.SECONDS);
                NoDelaySmtp.Arrival reply = replies.poll(30, TimeUnit.SECONDS);
                Benchmarks.check(in != null && reply != null, "No reply to command " + i + " within 30 s");
                double took = (reply.nanos() - in.nanos()) / 1e6;
                if (i >= IDLE_WARMUP) {
                    ms[i - IDLE_WARMUP] = took;
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        } finally {
            firmware.close();
            mail.stop();
        }
        return Stats.of(ms);
    }

    /**
     * One unit for every throughput round, as a unit runs for months: a fresh unit per round of 100
     * commands measured its start-up and its code before the JIT compiler had got to it. Its wall
     * clock moves on an hour before each round, so that the unit-wide limit (100 replies an hour)
     * and the per-address one (20 a minute) start afresh, as they would for the next hour's commands.
     */
    private final class KeptUnit implements AutoCloseable {
        private final BlockingQueue<NoDelaySmtp.Arrival> toUnit = new LinkedBlockingQueue<>();
        private final BlockingQueue<NoDelaySmtp.Arrival> replies = new LinkedBlockingQueue<>();
        private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);
        private final NoDelaySmtp mail;
        private final Firmware firmware;
        private final Session session;

        KeptUnit() throws Exception {
            mail = server(toUnit, replies);
            Clock moved = new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Instant instant() {
                    return Instant.now().plus(ahead.get());
                }
            };
            firmware = ImapBenchUnit.start(Files.createTempDirectory(out, "commands"), mail, "", moved);
            session = ImapBenchUnit.smtpSession(mail.port());
        }

        /** 100 commands sent at once: the first stored in the unit's mailbox → the last reply stored. */
        double throughput() throws Exception {
            ahead.updateAndGet(d -> d.plusHours(1));
            toUnit.clear();
            replies.clear();
            try (Transport smtp = session.getTransport("smtp")) {
                smtp.connect();
                for (int i = 0; i < COMMANDS; i++) {
                    MimeMessage m = command(session, i, "status");
                    smtp.sendMessage(m, m.getAllRecipients());
                }
            }
            NoDelaySmtp.Arrival first = toUnit.poll(30, TimeUnit.SECONDS);
            NoDelaySmtp.Arrival last = null;
            for (int i = 0; i < COMMANDS; i++) {
                last = replies.poll(60, TimeUnit.SECONDS);
                Benchmarks.check(last != null, "Only " + i + " replies within a minute");
            }
            return COMMANDS / ((last.nanos() - first.nanos()) / 1e9);
        }

        @Override
        public void close() {
            firmware.close();
            mail.stop();
        }
    }

    /** The same round trips done by a plain client: the floor of what the mail servers allow. */
    private double bareThroughput() throws Exception {
        BlockingQueue<NoDelaySmtp.Arrival> toUnit = new LinkedBlockingQueue<>();
        BlockingQueue<NoDelaySmtp.Arrival> replies = new LinkedBlockingQueue<>();
        NoDelaySmtp mail = server(toUnit, replies);
        Session session = ImapBenchUnit.smtpSession(mail.port());
        try (Transport smtp = session.getTransport("smtp"); Store imap = Session.getInstance(new Properties()).getStore("imap")) {
            smtp.connect();
            imap.connect("127.0.0.1", mail.imapPort(), UNIT, "secret");
            for (int i = 0; i < COMMANDS; i++) {
                MimeMessage m = command(session, i, "status");
                smtp.sendMessage(m, m.getAllRecipients());
            }
            NoDelaySmtp.Arrival first = toUnit.poll(30, TimeUnit.SECONDS);
            Folder inbox = imap.getFolder("INBOX");
            int answered = 0;
            while (answered < COMMANDS) {
                inbox.open(Folder.READ_WRITE);
                for (Message command : inbox.getMessages()) {
                    java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
                    command.writeTo(raw);
                    String from = ((InternetAddress) command.getFrom()[0]).getAddress();
                    MimeMessage reply = new MimeMessage(session);
                    reply.setFrom(new InternetAddress(UNIT));
                    reply.setRecipients(Message.RecipientType.TO, InternetAddress.parse(from));
                    reply.setSubject("IMS-4000 reply: Bench");
                    reply.setText("IMS-4000 Bench\n== status ==\nHost\n  1 Room Temp: 18.5 C, NORMAL\n", "UTF-8");
                    reply.saveChanges();
                    smtp.sendMessage(reply, reply.getAllRecipients());
                    command.setFlag(Flags.Flag.DELETED, true);
                    answered++;
                }
                inbox.close(true);
            }
            NoDelaySmtp.Arrival last = null;
            for (int i = 0; i < COMMANDS; i++) {
                last = replies.poll(30, TimeUnit.SECONDS);
            }
            Benchmarks.check(last != null, "The bare client's replies did not all arrive");
            return COMMANDS / ((last.nanos() - first.nanos()) / 1e9);
        } finally {
            mail.stop();
        }
    }

    private static Map<String, Double> readerRates() {
        String fields = "username: alice\r\nemail: alice@example.com\r\ncommand: status\r\ncommand: help\r\n";
        String head = "From: Alice <alice@example.com>\r\nTo: ims@example.com\r\nSubject: Re: [EXT] ims4000\r\n"
                + "Message-ID: <m1@example.org>\r\nMIME-Version: 1.0\r\n";
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("plain text", head + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + fields
                + "\r\nOn Mon, Alice wrote:\r\n> old\r\n");
        shapes.put("HTML only (a phone)", head + "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><div>"
                + fields.replace("\r\n", "<br>") + "</div><blockquote>old</blockquote></body></html>\r\n");
        shapes.put("multipart/alternative, quoted-printable", head
                + "Content-Type: multipart/alternative; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + fields.replace("alice@", "alice=40")
                + "\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--b--\r\n");
        shapes.put("base64 text", head + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(fields.getBytes(StandardCharsets.UTF_8)) + "\r\n");
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Map.Entry<String, String> shape : shapes.entrySet()) {
            byte[] raw = shape.getValue().getBytes(StandardCharsets.UTF_8);
            int n = 5000;
            for (int i = 0; i < n; i++) {
                CommandMailReader.read(raw, Set.of(UNIT));
            }
            long start = System.nanoTime();
            int commands = 0;
            for (int i = 0; i < n; i++) {
                commands += CommandMailReader.read(raw, Set.of(UNIT)).commandLines().size();
            }
            double rate = n / ((System.nanoTime() - start) / 1e9);
            if (commands != 2 * n) {
                throw new IllegalStateException("The reader did not read the shape " + shape.getKey() + " right");
            }
            rates.put(shape.getKey(), rate);
        }
        return rates;
    }

    /** Milliseconds the JVM's JIT compilers have spent so far: the unit's code keeps them busy for many rounds. */
    private static long jit() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String rates(double[] values) {
        return Arrays.stream(values).mapToObj(CommandBenchmark::rate).collect(Collectors.joining(", "));
    }

    private static String ratios(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(", "));
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }
}
