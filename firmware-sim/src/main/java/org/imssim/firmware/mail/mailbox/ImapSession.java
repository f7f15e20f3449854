package org.imssim.firmware.mail.mailbox;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Comparator;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * An IMAP session: UIDs, RFC822.SIZE, BODY[], \Deleted in batches and expunge on close. On a
 * connection that stays in use after the session (the one kept for IDLE), close sends
 * {@code EXPUNGE} and leaves INBOX selected; otherwise {@code CLOSE}.
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

    @Override
    List<MailboxMessage> listInbox() throws MessagingException {
        Message[] all = inbox.getMessages();
        List<MailboxMessage> messages = new ArrayList<>(all.length);
        if (all.length > 0) {
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.SIZE);
            profile.add(FetchProfile.Item.FLAGS);
            inbox.fetch(all, profile); // one FETCH for all: no message is downloaded
            for (Message message : all) {
                if (!message.isExpunged() && !message.isSet(Flags.Flag.DELETED)) {
                    messages.add(new MailboxMessage(inbox.getUID(message), Math.max(0, message.getSize())));
                }
            }
        }
        messages.sort(Comparator.comparingLong(MailboxMessage::id));
        return messages;
    }

    /**
     * Fetches {@code message} together with the listed messages after it, up to
     * {@value #FETCH_AHEAD} of them and {@value #FETCH_AHEAD_BYTES} bytes, in one
     * {@code UID FETCH … BODY.PEEK[]}: one round trip for a batch of commands instead of one each.
     * The others are kept for their own fetch. A message too large to read is never fetched ahead,
     * and one expunged meanwhile is simply not answered for.
     */
    @Override
    byte[] fetchedAhead(MailboxMessage message, List<MailboxMessage> listedInOrder) throws MessagingException {
        byte[] kept = ahead.remove(message.id());
        if (kept != null) {
            return kept;
        }
        int from = listedInOrder.indexOf(message);
        if (from < 0 || from == listedInOrder.size() - 1) {
            return null; // the last one: a plain fetch is as quick
        }
        List<Long> uids = new ArrayList<>();
        long bytes = 0;
        for (MailboxMessage m : listedInOrder.subList(from, listedInOrder.size())) {
            if (m.size() > LARGEST_FETCHED_AHEAD) {
                continue;
            }
            if (uids.size() == FETCH_AHEAD || bytes + m.size() > FETCH_AHEAD_BYTES) {
                break;
            }
            if (ahead.containsKey(m.id())) {
                continue;
            }
            uids.add(m.id());
            bytes += m.size();
        }
        if (uids.size() < 2) {
            return null;
        }
        String set = uids.stream().map(String::valueOf).collect(Collectors.joining(","));
        try {
            inbox.doCommand(protocol -> {
                Response[] responses = protocol.command("UID FETCH " + set + " (UID BODY.PEEK[])", null);
                List<Response> others = new ArrayList<>();
                for (Response response : responses) {
                    if (response.isTagged() || !keepBody(response)) {
                        others.add(response); // EXISTS, EXPUNGE, flags, BYE, the result: the folder's to see
                    }
                }
                protocol.notifyResponseHandlers(others.toArray(Response[]::new));
                protocol.handleResult(responses[responses.length - 1]);
                return null;
            });
        } catch (MessagingException e) {
            // A server may refuse the set for one message gone meanwhile: each is then fetched
            // alone, which reports a dead connection as well as anything.
            LOG.debug("Fetching ahead failed ({}); fetching one at a time", MailboxFailures.types(e));
            return ahead.remove(message.id());
        }
        return ahead.remove(message.id());
    }

    /** Keeps the octets of a {@code FETCH (UID n BODY[] {…})} answer; false for any other response. */
    private boolean keepBody(Response response) {
        if (!(response instanceof FetchResponse fetched)) {
            return false;
        }
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

    @Override
    Message find(MailboxMessage listed) throws MessagingException {
        return inbox.getMessageByUID(listed.id()); // null once expunged by another client
    }
}
