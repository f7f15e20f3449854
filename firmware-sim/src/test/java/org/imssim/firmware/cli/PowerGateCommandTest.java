package org.imssim.firmware.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code imssim powergate}'s refusals; the running device end is tested in the tests module, as a child process. */
class PowerGateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void tooManyOutletsIsABadOption() {
        assertThat(run("powergate", "--port", "/dev/null", "--outlets", "9")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--outlets must be 1 to 8, not 9.");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingPortOptionIsABadOption() {
        assertThat(run("powergate")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--port=DEVICE'");
    }

    @Test
    void aPortThatCannotBeOpenedIsAFailureWithASentence() {
        assertThat(run("powergate", "--port", "/nonexistent/ttyX")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("imssim: The serial port /nonexistent/ttyX cannot be opened."
                + System.lineSeparator());
    }
}
