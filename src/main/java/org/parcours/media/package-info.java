/**
 * Session media: the replay (an uploaded MP4/WebM file or an external YouTube, Vimeo or PeerTube video), its
 * subtitles and chapters, and the slides with their first-page thumbnail. Files are stored under {@code
 * parcours.media.directory} (written to a temporary file, checked by content, then moved into place) and served with
 * HTTP range requests.
 *
 * <p>Other features call {@link org.parcours.media.MediaService} only; the {@code media_*} tables and the file
 * directory are private to this package.
 */
@NullMarked
package org.parcours.media;

import org.jspecify.annotations.NullMarked;
