package org.imssim.tests.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.netty.util.concurrent.DefaultEventExecutor;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.imssim.firmware.config.Security;
import org.imssim.firmware.config.SmtpConfig;
import org.imssim.firmware.config.Trust;
import org.imssim.firmware.event.StoredEventHistory;
import org.imssim.firmware.loop.SystemUnitClock;
import org.imssim.firmware.mail.MailDelivery;
import org.imssim.firmware.mail.outbound.SmtpMailer;
import org.imssim.firmware.store.NewMail;
import org.imssim.firmware.store.StoreWorker;

/**
 * Outbox throughput and the store's write latency (issue S): mails stored in the durable outbox
 * and sent to a loopback SMTP server, beside a bare Jakarta Mail send of the same number of mails
 * over one connection, in the same run, against the same server (stock GreenMail).
 */
final class OutboxBenchmark {

    private static final int MAILS = Integer.getInteger("bench.outbox.mails", 1000);

    private final Path out;

    OutboxBenchmark(Path out) {
        this.out = out;
    }

    String run() throws Exception {
        double bareWarm = bare(200);
        double outboxWarm = outbox(200).rate;
        double bareRate = bare(MAILS);
        Result ours = outbox(MAILS);
        Stats latency = Stats.of(ours.enqueueMs);
        return "## Outbox: mails stored durably and sent, per second\n\n"
                + "`mvn -B -Pbench -pl tests -am -DskipTests verify -Dbench.only=outbox` (" + MAILS
                + " mails each, after a warm-up of 200; stock GreenMail SMTP on 127.0.0.1)\n\n"
                + "| what | mails/s |\n|---|---|\n"
                + "| bare Jakarta Mail send, one connection (baseline) | " + rate(bareRate) + " |\n"
                + "| imssim outbox: store (SQLite, synchronous=FULL) → send → remove | " + rate(ours.rate) + " |\n\n"
                + "Ratio outbox / bare: **" + String.format(Locale.ROOT, "%.2f", ours.rate / bareRate) + "** "
                + "(warm-up run: " + String.format(Locale.ROOT, "%.2f", outboxWarm / bareWarm) + ").\n\n"
                + "Store write latency (outbox enqueue, submit → durable), p50 " + Stats.ms(latency.p50())
                + ", p99 " + Stats.ms(latency.p99()) + ".\n";
    }

    private record Result(double rate, double[] enqueueMs) {
    }

    private static GreenMail server() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        return mail;
    }

    /** Mails per second through one kept Jakarta Mail connection. */
    private static double bare(int count) throws Exception {
        GreenMail mail = server();
        try {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
            Session session = Session.getInstance(props);
            long start = System.nanoTime();
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = 0; i < count; i++) {
                    MimeMessage message = new MimeMessage(session);
                    message.setFrom(new InternetAddress("ims@example.com"));
                    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse("alice@example.com"));
                    message.setSubject("IMS-4000 ALARM: Bench - Room Temp - High " + i);
                    message.setText("Alarm body " + i + "\n", "UTF-8");
                    message.saveChanges();
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }
            mail.waitForIncomingEmail(60_000, count);
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            mail.stop();
        }
    }

    /** Mails per second from enqueue of the first to acceptance of the last, through the outbox. */
    private Result outbox(int count) throws Exception {
        GreenMail mail = server();
        Path dir = Files.createTempDirectory(out, "outbox");
        DefaultEventExecutor loop = new DefaultEventExecutor();
        ExecutorService mailThread = Executors.newSingleThreadExecutor();
        StoreWorker store = StoreWorker.open(dir, "bench");
        SmtpMailer mailer = new SmtpMailer(new SmtpConfig("127.0.0.1", mail.getSmtp().getPort(), Security.NONE,
                null, null, Trust.SYSTEM));
        SystemUnitClock clock = new SystemUnitClock(loop);
        MailDelivery delivery = new MailDelivery(loop, clock, new StoredEventHistory(store, clock::now, loop), store,
                mailThread, mailer);
        try {
            loop.submit(delivery::start).sync();
            double[] enqueueMs = new double[count];
            long start = System.nanoTime();
            // One mail after another, each durable before the next is made, as alarms arrive;
            // sending runs meanwhile on the mail-out thread.
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                delivery.send(new NewMail("<bench-" + i + "-" + System.nanoTime() + "@example.com>",
                        "ims@example.com", "alice@example.com", "IMS-4000 ALARM: Bench - Room Temp - High " + i,
                        "Alarm body " + i + "\n", Map.of("Auto-Submitted", "auto-generated"), "alarm", Instant.now()))
                        .join();
                enqueueMs[i] = (System.nanoTime() - t0) / 1e6;
            }
            Benchmarks.check(mail.waitForIncomingEmail(120_000, count), "Not every mail arrived within 2 minutes");
            double rate = count / ((System.nanoTime() - start) / 1e9);
            return new Result(rate, enqueueMs);
        } finally {
            loop.submit(delivery::stop).sync();
            mailThread.shutdown();
            mailThread.awaitTermination(10, TimeUnit.SECONDS);
            mailer.close();
            store.close();
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            mail.stop();
        }
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }
}
