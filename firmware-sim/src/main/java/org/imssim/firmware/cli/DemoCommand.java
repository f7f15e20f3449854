package org.imssim.firmware.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.imssim.firmware.Firmware;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.demo.DemoConfiguration;
import org.imssim.firmware.demo.DemoException;
import org.imssim.firmware.demo.DemoMailServer;
import org.imssim.firmware.store.StoreException;
import org.imssim.firmware.web.WebServerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code imssim demo}: the whole unit with nothing else installed — an embedded mail server on
 * 127.0.0.1, mock hardware, a simulated network, the web server — and the first command to try.
 */
@Command(name = "demo", sortOptions = false,
        description = "Run a whole simulated unit with an embedded mail server on 127.0.0.1.")
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--smtp-port", paramLabel = "P", description = "SMTP port of the embedded mail server; 0 picks a free one (default ${DEFAULT-VALUE}).")
    private int smtpPort = 3025;

    @Option(names = "--pop3-port", paramLabel = "P", description = "POP3 port (default ${DEFAULT-VALUE}).")
    private int pop3Port = 3110;

    @Option(names = "--imap-port", paramLabel = "P", description = "IMAP port (default ${DEFAULT-VALUE}).")
    private int imapPort = 3143;

    @Option(names = "--web-port", paramLabel = "P", description = "Port of the web server and API (default ${DEFAULT-VALUE}).")
    private int webPort = 8080;

    @Option(names = "--ports-file", paramLabel = "F", description = "Write {\"smtp\": P, \"pop3\": P, \"imap\": P, \"web\": P} here once all are listening.")
    private Path portsFile;

    @Option(names = "--storage", paramLabel = "DIR", description = "Keep the unit's storage here (default: a fresh temporary folder, removed at exit).")
    private Path storage;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean temporary = storage == null;
        Path dir = temporary ? Files.createTempDirectory("imssim-demo-") : storage.toAbsolutePath();
        DemoMailServer mail;
        try {
            mail = DemoMailServer.start(smtpPort, pop3Port, imapPort);
        } catch (DemoException e) {
            err.println("imssim: " + e.getMessage());
            removeIfTemporary(temporary, dir);
            return ExitCodes.FAILURE;
        }
        ImsConfig config = DemoConfiguration.load(mail.smtpPort(), mail.pop3Port(), webPort, dir);
        Firmware firmware;
        try {
            firmware = Firmware.start(config);
        } catch (WebServerException | StoreException e) {
            err.println("imssim: " + e.getMessage() + " (for the demo: --web-port 0 picks a free port)");
            mail.close();
            removeIfTemporary(temporary, dir);
            return ExitCodes.FAILURE;
        }
        // The demo's mail server is embedded: POST /api/sim/faults may make it refuse.
        firmware.unit().simulatedFaults().allowMailFaults();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            firmware.close();
            mail.close();
            removeIfTemporary(temporary, dir);
            stopped.countDown();
        }, "imssim-demo-shutdown"));
        if (portsFile != null) {
            writePorts(mail, firmware.webPort());
        }
        printWelcome(out, config, mail, firmware, dir, temporary);
        stopped.await();
        return ExitCodes.OK;
    }

    private void printWelcome(PrintWriter out, ImsConfig config, DemoMailServer mail, Firmware firmware,
                              Path dir, boolean temporary) {
        String sendDefaults = (mail.smtpPort() == 3025 ? "" : " --smtp 127.0.0.1:" + mail.smtpPort())
                + (mail.pop3Port() == 3110 ? "" : " --pop3 127.0.0.1:" + mail.pop3Port());
        out.println("imssim demo: \"" + config.unit().name() + "\" is running with simulated hardware.");
        out.println("  mail server  SMTP 127.0.0.1:" + mail.smtpPort() + ", POP3 127.0.0.1:" + mail.pop3Port()
                + ", IMAP 127.0.0.1:" + mail.imapPort() + "; mailboxes " + String.join(", ", DemoMailServer.MAILBOXES)
                + ", password \"" + DemoMailServer.PASSWORD + "\"");
        out.println("  unit mailbox ims@example.com (read every " + config.email().twoWay().pollInterval().toSeconds() + " s)");
        out.println("  profiles     alice (master, password \"wonderland\"), bob (user, password \"builder\")");
        out.println("  web console  " + firmware.webAddress() + " (sign in as alice / wonderland); API e.g. "
                + "curl -u alice:wonderland " + firmware.webAddress() + "api/status");
        out.println("  storage      " + dir + (temporary ? " (removed at exit)" : ""));
        out.println();
        out.println("Try this in another terminal:");
        out.println("  ./imssim send" + sendDefaults + " --username alice --email alice@example.com --wait status");
        out.println();
        out.println("Stop with Ctrl-C.");
        out.flush();
    }

    private void writePorts(DemoMailServer mail, int web) throws IOException {
        String json = "{\"smtp\": " + mail.smtpPort() + ", \"pop3\": " + mail.pop3Port() + ", \"imap\": "
                + mail.imapPort() + ", \"web\": " + web + "}\n";
        Path target = portsFile.toAbsolutePath();
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        // Atomic, so a script polling for the file never reads half of it.
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void removeIfTemporary(boolean temporary, Path dir) {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temporary folder is harmless.
        }
    }
}
