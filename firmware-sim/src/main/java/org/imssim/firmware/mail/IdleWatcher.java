package org.imssim.firmware.mail;

import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.imssim.firmware.mail.mailbox.ImapMailbox;
import org.imssim.firmware.mail.mailbox.MailboxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IMAP IDLE for the unit's mailbox (SPEC §7, {@code protocol: imap}): a thread of its own waits
 * for the server to announce new mail and then asks the poller to read the mailbox at once, so a
 * command is answered within a second of its delivery whatever the poll interval. It waits again
 * only once that poll has ended, so the poll reads the mailbox on the connection that announced
 * the mail ({@link ImapMailbox#open()}). Where the server does not offer IDLE, the watcher ends
 * and the poll interval alone applies. A dropped connection is made again at once, then after
 * 5 s, doubling to 5 minutes while it keeps failing.
 */
public final class IdleWatcher {

    private static final Logger log = LoggerFactory.getLogger(IdleWatcher.class);

    /** The longest single IDLE; servers drop idle connections after about 30 minutes (RFC 2177). */
    static final Duration LONGEST_IDLE = Duration.ofMinutes(9);

    private final ImapMailbox mailbox;
    private final MailboxPoller poller;
    private final EventExecutor loop;
    private final Thread thread;
    private final Object pause = new Object();
    private volatile boolean stopped;

    public IdleWatcher(ImapMailbox mailbox, MailboxPoller poller, EventExecutor loop, String unitName) {
        this.mailbox = mailbox;
        this.poller = poller;
        this.loop = loop;
        this.thread = new Thread(this::run, "imssim-idle-" + unitName);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Ends the wait and the thread; blocks until it has ended (at most a few seconds). */
    public void stop() {
        stopped = true;
        synchronized (pause) {
            pause.notifyAll();
        }
        mailbox.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        int failures = 0;
        while (!stopped) {
            try {
                if (!mailbox.supportsIdle()) {
                    if (!stopped) {
                        log.info("The mailbox server does not offer IDLE; the mailbox is read every poll interval");
                    }
                    return;
                }
                if (mailbox.waitForNews(LONGEST_IDLE) && !stopped) {
                    awaitPoll();
                }
                failures = 0;
            } catch (MailboxException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                failures++;
                Duration wait = retryAfter(failures);
                if (wait.isZero()) {
                    log.warn("IMAP IDLE: {}; connecting again", e.getMessage());
                } else {
                    log.warn("IMAP IDLE: {}; trying again in {} s", e.getMessage(), wait.toSeconds());
                    pause(wait);
                }
            }
        }
    }

    /**
     * How long to wait before connecting again after {@code failures} failures in a row: the first
     * time not at all, since one dropped connection (a server restarting, a NAT or firewall timing
     * an idle connection out) says nothing of the next, and mail waits meanwhile; then 5 s,
     * doubling to 5 minutes, while the server stays out of reach.
     */
    static Duration retryAfter(int failures) {
        return failures <= 1 ? Duration.ZERO : MailDelivery.backoff(failures - 1);
    }

    /** Asks for a poll now and waits until it has ended, for at most {@link #LONGEST_IDLE}. */
    private void awaitPoll() {
        try {
            CompletableFuture.supplyAsync(poller::pollNow, loop).thenCompose(poll -> poll)
                    .get(LONGEST_IDLE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            // The loop has shut down, or a poll hangs: waiting again is all there is to do.
            log.debug("IMAP IDLE: the poll it asked for did not end: {}", e.getClass().getSimpleName());
        }
    }

    private void pause(Duration wait) {
        synchronized (pause) {
            if (stopped) {
                return;
            }
            try {
                pause.wait(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }
}
