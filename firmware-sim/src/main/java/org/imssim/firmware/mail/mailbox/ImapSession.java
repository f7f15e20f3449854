package org.imssim.firmware.mail.mailbox;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IMAP session: every message is named by its UID, never by its sequence number — listing
 * ({@code UID FETCH 1:* (UID RFC822.SIZE FLAGS)}), fetching ({@code UID FETCH … BODY.PEEK[]}, the
 * next listed messages with it) and deleting ({@code UID STORE … +FLAGS.SILENT (\Deleted)}, a
 * batch at a time); expunge on close. Sequence numbers shift when another connection expunges,
 * and a server need not tell this one at once (GreenMail never does): a number could then name
 * another message, which would be read or deleted in its place. On a connection that stays in
 * use after the session (the one kept for IDLE), close sends {@code EXPUNGE} and leaves INBOX
 * selected; otherwise {@code CLOSE}.
 */
final class ImapSession extends FolderSession<IMAPFolder> {

    private static final Logger LOG = LoggerFactory.getLogger(ImapSession.class);

    /** At most this many messages are fetched in one command. */
    static final int FETCH_AHEAD = 16;
    /** And at most this many bytes (sizes as listed). */
    static final long FETCH_AHEAD_BYTES = 4L * 1024 * 1024;
    /** A larger message is not fetched ahead: the unit deletes it unread (SPEC §7). */
    static final long LARGEST_FETCHED_AHEAD = 1024 * 1024;

    private final boolean keepSelected;
    /** Octets fetched ahead, by UID, until their own fetch takes them. */
    private final Map<Long, byte[]> ahead = new HashMap<>();

    ImapSession(Store store, IMAPFolder inbox, boolean keepSelected, StoreRelease release) {
        super(store, inbox, release);
        this.keepSelected = keepSelected;
    }

    @Override
    void finish() throws MessagingException {
        if (keepSelected) {
            inbox.expunge();
        } else {
            super.finish();
        }
    }

    /**
     * The server's own list, whatever this connection has been told of it: UIDs and sizes, no
     * message downloaded. Only the answers that carry a size make the list, merged by UID: a server
     * may send other FETCH responses in between (a flag another client changed), which go to the
     * folder as any unsolicited answer. A server that refuses {@code 1:*} for an empty mailbox is
     * taken at its word when the connection, too, sees no message.
     */
    @Override
    List<MailboxMessage> listInbox() throws MessagingException {
        Map<Long, Long> sizes = new TreeMap<>();
        Set<Long> deleted = new HashSet<>();
        try {
            uidCommand("UID FETCH 1:* (UID RFC822.SIZE FLAGS)", fetched -> {
                UID uid = fetched.getItem(UID.class);
                if (uid == null) {
                    return false;
                }
                FLAGS flags = fetched.getItem(FLAGS.class);
                if (flags != null && flags.contains(Flags.Flag.DELETED)) {
                    deleted.add(uid.uid);
                }
                RFC822SIZE size = fetched.getItem(RFC822SIZE.class);
                if (size == null) {
                    return false;
                }
                sizes.put(uid.uid, Math.max(0, size.size));
                return true;
            });
        } catch (MessagingException e) {
            if (e.getCause() instanceof ProtocolException && !(e.getCause() instanceof ConnectionException)
                    && inbox.getMessageCount() == 0) {
                return List.of(); // a NO or BAD for "1:*" in an empty mailbox
            }
            throw e;
        }
        List<MailboxMessage> messages = new ArrayList<>(sizes.size());
        sizes.forEach((uid, size) -> {
            if (!deleted.contains(uid)) {
                messages.add(new MailboxMessage(uid, size));
            }
        });
        return messages;
    }

    /**
     * Fetches {@code message} together with the listed messages after it, up to
     * {@value #FETCH_AHEAD} of them and {@value #FETCH_AHEAD_BYTES} bytes, in one
     * {@code UID FETCH … BODY.PEEK[]}: one round trip for a batch of commands instead of one each.
     * The others are kept for their own fetch. A message too large to read is never fetched ahead.
     * If the server refuses the batch, the message is fetched alone.
     */
    @Override
    byte[] octets(MailboxMessage message, List<MailboxMessage> listedInOrder) throws MessagingException, MailboxException {
        byte[] kept = ahead.remove(message.id());
        if (kept != null) {
            return kept;
        }
        List<Long> uids = batchFrom(message, listedInOrder);
        if (uids.size() > 1) {
            try {
                fetchBodies(uids);
            } catch (MessagingException e) {
                // A server may refuse the set for one message gone meanwhile: this one is then
                // fetched alone, which reports a dead connection as well as anything.
                LOG.debug("Fetching ahead failed ({}); fetching one at a time", MailboxFailures.types(e));
            }
            kept = ahead.remove(message.id());
            if (kept != null) {
                return kept;
            }
        }
        fetchBodies(List.of(message.id()));
        kept = ahead.remove(message.id());
        if (kept == null) {
            throw new MailboxException(MailboxException.Kind.GONE);
        }
        return kept;
    }

    /** {@code message}'s UID, then those of the listed messages after it that may come with it. */
    private List<Long> batchFrom(MailboxMessage message, List<MailboxMessage> listedInOrder) {
        List<Long> uids = new ArrayList<>();
        uids.add(message.id());
        int from = listedInOrder.indexOf(message);
        if (from < 0 || message.size() > LARGEST_FETCHED_AHEAD) {
            return uids;
        }
        long bytes = message.size();
        for (MailboxMessage m : listedInOrder.subList(from + 1, listedInOrder.size())) {
            if (m.size() > LARGEST_FETCHED_AHEAD || ahead.containsKey(m.id())) {
                continue;
            }
            if (uids.size() == FETCH_AHEAD || bytes + m.size() > FETCH_AHEAD_BYTES) {
                break;
            }
            uids.add(m.id());
            bytes += m.size();
        }
        return uids;
    }

    private void fetchBodies(List<Long> uids) throws MessagingException {
        uidCommand("UID FETCH " + set(uids) + " (UID BODY.PEEK[])", this::keepBody);
    }

    /** Keeps the octets of a {@code FETCH (UID n BODY[] {…})} answer; false for any other response. */
    private boolean keepBody(FetchResponse fetched) {
        UID uid = fetched.getItem(UID.class);
        BODY body = fetched.getItem(BODY.class);
        if (uid == null || body == null || body.getByteArray() == null
                || body.getSection() != null && !body.getSection().isEmpty()) {
            return false;
        }
        ByteArray octets = body.getByteArray();
        ahead.put(uid.uid, Arrays.copyOfRange(octets.getBytes(), octets.getStart(), octets.getStart() + octets.getCount()));
        return true;
    }

    /** One {@code UID STORE} for the batch; a UID no longer in the mailbox is ignored by the server. */
    @Override
    void markDeleted(List<MailboxMessage> messages) throws MessagingException {
        uidCommand("UID STORE " + set(messages.stream().map(MailboxMessage::id).toList()) + " +FLAGS.SILENT (\\Deleted)",
                fetched -> false);
    }

    private static String set(List<Long> uids) {
        return uids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * Sends {@code command} and gives each {@code FETCH} answer to {@code ours}; what it does not
     * take (EXISTS, EXPUNGE, flags another client changed, BYE, the result) is passed on to the
     * folder as any answer would be, and a {@code NO} or {@code BAD} result throws.
     */
    private void uidCommand(String command, Predicate<FetchResponse> ours) throws MessagingException {
        inbox.doCommand(protocol -> {
            Response[] responses = protocol.command(command, null);
            List<Response> others = new ArrayList<>();
            for (Response response : responses) {
                if (response.isTagged() || !(response instanceof FetchResponse fetched) || !ours.test(fetched)) {
                    others.add(response);
                }
            }
            protocol.notifyResponseHandlers(others.toArray(Response[]::new));
            protocol.handleResult(responses[responses.length - 1]);
            return null;
        });
    }
}
