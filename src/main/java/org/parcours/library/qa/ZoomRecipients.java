package org.parcours.library.qa;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Who a Zoom message was sent to. Only messages to everyone are imported: a message to one person ("(Direct
 * Message)", "(Privately)") or to a group such as the hosts is private and never kept, not even in the review.
 */
final class ZoomRecipients {

    private static final Set<String> EVERYONE = Set.of("everyone", "tout le monde", "tous", "todos", "alle", "tutti");

    /** "Claire Martin to Everyone", "Claire Martin à Tout le monde": the sender and the recipient. */
    private static final Pattern SENDER_TO = Pattern.compile("(.+?)\\s+(?:to|To|TO|à|À)\\s+(.+)");

    private ZoomRecipients() {}

    /** A sender and, when the log names one, the recipient. */
    record Sender(String name, @Nullable String recipient) {

        boolean isPublic() {
            return recipient == null || everyone(recipient);
        }
    }

    static Sender sender(String from) {
        Matcher m = SENDER_TO.matcher(from.strip());
        if (m.matches()) {
            return new Sender(m.group(1).strip(), m.group(2).strip());
        }
        return new Sender(from.strip(), null);
    }

    static boolean everyone(String recipient) {
        return EVERYONE.contains(recipient.strip().toLowerCase(Locale.ROOT));
    }
}
