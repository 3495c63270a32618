package org.parcours.library.qa;

import java.time.OffsetDateTime;

/**
 * An import under review: what was read and what was left out. {@code questions} counts the messages selected as
 * questions now.
 */
public record ImportSummary(
        String id,
        long sessionId,
        ChatFormat format,
        String fileName,
        int messages,
        int questions,
        int directMessages,
        int skippedItems,
        int truncated,
        int problemCount,
        OffsetDateTime createdAt) {}
