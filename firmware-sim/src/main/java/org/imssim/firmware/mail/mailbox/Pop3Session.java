package org.imssim.firmware.mail.mailbox;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
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
    Message find(MailboxMessage listed) throws MessagingException {
        return inbox.getMessage((int) listed.id());
    }
}
