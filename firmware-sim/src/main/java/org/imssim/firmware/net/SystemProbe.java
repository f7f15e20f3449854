package org.imssim.firmware.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system's tools (iputils {@code ping} and {@code tracepath}), run without a shell, with
 * {@code LC_ALL=C}, their argument list ending with {@code --} and the target; ping is stopped
 * after 10 s and trace after 60 s; what they print is cut at 8 KiB.
 */
public final class SystemProbe implements NetworkProbe {

    private static final Logger log = LoggerFactory.getLogger(SystemProbe.class);

    static final int MAX_OUTPUT = 8 * 1024;
    static final Duration PING_LIMIT = Duration.ofSeconds(10);
    static final Duration TRACE_LIMIT = Duration.ofSeconds(60);

    private final String pingTool;
    private final String traceTool;

    public SystemProbe() {
        this("ping", "tracepath");
    }

    /** With other tool names or paths (tests). */
    SystemProbe(String pingTool, String traceTool) {
        this.pingTool = pingTool;
        this.traceTool = traceTool;
    }

    @Override
    public String ping(Target target) {
        return run("ping", List.of(pingTool, "-n", "-c", "4", "-W", "2", "--", target.text()), PING_LIMIT);
    }

    @Override
    public String trace(Target target) {
        return run("tracepath", List.of(traceTool, "-n", "-m", "30", "--", target.text()), TRACE_LIMIT);
    }

    @Override
    public boolean answers(Target target, Duration timeout) {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        ProcessBuilder builder = new ProcessBuilder(pingTool, "-n", "-q", "-c", "1", "-W", Long.toString(seconds), "--",
                target.text()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            if (!process.waitFor(seconds + 2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            log.warn("ping is not installed; IP devices cannot be monitored");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(String tool, List<String> command, Duration limit) {
        Path output = null;
        try {
            output = Files.createTempFile("imssim-" + tool, ".txt");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().put("LC_ALL", "C");
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                return tool + " is not installed on this unit.";
            }
            process.getOutputStream().close();
            boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
            }
            String text = head(output);
            return finished ? text : text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n")
                    + "(stopped after " + limit.toSeconds() + " s)";
        } catch (IOException e) {
            log.warn("{} could not be run", tool, e);
            return tool + " could not be run on this unit.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return tool + " was interrupted.";
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    log.debug("Temporary file {} left behind", output);
                }
            }
        }
    }

    /** The first 8 KiB of what the tool printed, as text. */
    private static String head(Path output) throws IOException {
        try (InputStream in = Files.newInputStream(output)) {
            byte[] bytes = in.readNBytes(MAX_OUTPUT);
            String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
            return in.read() >= 0 ? text + "\n(output cut at 8 KiB)" : text.stripTrailing();
        }
    }
}
