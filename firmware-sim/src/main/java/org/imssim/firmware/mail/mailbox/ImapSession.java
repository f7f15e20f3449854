package org.imssim.firmware.mail.mailbox;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * An IMAP session: UIDs, RFC822.SIZE, BODY[], \Deleted in batches and expunge on close. On a
 * connection that stays in use after the session (the one kept for IDLE), close sends
 * {@code EXPUNGE} and leaves INBOX selected; otherwise {@code CLOSE}.
 */
final class ImapSession extends FolderSession<IMAPFolder> {

    private final boolean keepSelected;

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

    @Override
    Message find(MailboxMessage listed) throws MessagingException {
        return inbox.getMessageByUID(listed.id()); // null once expunged by another client
    }
}
