/**
 * Session media: the replay (an uploaded MP4/WebM file or an external YouTube, Vimeo or PeerTube video), its
 * subtitles and chapters, and the slides with their first-page thumbnail; the static export of a cycle. Files are
 * stored under {@code parcours.media.directory} (written to a temporary file, checked by content, then moved into
 * place) and served with HTTP range requests. See docs/media.md.
 *
 * <p>Other features call {@link org.parcours.media.MediaService} (reads) only; {@link
 * org.parcours.media.MediaUploads}, {@link org.parcours.media.MediaChapters} and {@link
 * org.parcours.media.CycleArchive} are for this feature's {@code web} package. The {@code media_*} tables and the
 * file directory are private to this package.
 */
@NullMarked
package org.parcours.media;

import org.jspecify.annotations.NullMarked;
