package org.imssim.firmware.mail.mailbox;

import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.pop3.POP3Folder;

/** A POP3 session: message numbers, LIST sizes, RETR, DELE at QUIT. */
final class Pop3Session extends FolderSession<POP3Folder> {

    Pop3Session(Store store, POP3Folder inbox) {
        super(store, inbox);
    }

    @Override
    List<MailboxMessage> listInbox() throws MessagingException {
        int[] sizes = inbox.getSizes();
        List<MailboxMessage> messages = new ArrayList<>(sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            messages.add(new MailboxMessage(i + 1, Math.max(0, sizes[i])));
        }
        return messages;
    }

    @Override
    byte[] octets(MailboxMessage message, List<MailboxMessage> listedInOrder)
            throws MessagingException, IOException {
        return octetsOf(inbox.getMessage((int) message.id()), message.size()); // RETR
    }

    /** POP3 numbers stay fixed for the session: the marks become DELE at QUIT. */
    @Override
    void markDeleted(List<MailboxMessage> messages) throws MessagingException {
        Message[] marked = new Message[messages.size()];
        for (int i = 0; i < marked.length; i++) {
            marked[i] = inbox.getMessage((int) messages.get(i).id());
        }
        inbox.setFlags(marked, new Flags(Flags.Flag.DELETED), true);
    }
}
