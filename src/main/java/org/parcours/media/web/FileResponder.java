package org.parcours.media.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.parcours.media.MediaFile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Sends a stored file with HTTP range support: {@code Accept-Ranges}, 206 with {@code Content-Range} (one range,
 * or {@code multipart/byteranges} for several), 416 for unsatisfiable ranges, {@code If-Range}, and conditional
 * GET on the strong {@code ETag} and {@code Last-Modified} (304, 412).
 *
 * <p>The body never passes through the heap: when Tomcat offers sendfile, the kernel copies the file to the socket
 * (zero-copy); otherwise the file channel is transferred to the response in fixed-size chunks.
 */
final class FileResponder {

    static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";
    static final Duration IMMUTABLE = Duration.ofDays(365);

    private FileResponder() {}

    /**
     * @param shared whether shared caches may keep the file (published session); otherwise every use revalidates
     * @param download whether to ask the browser to save the file rather than show it
     */
    static void send(
            HttpServletRequest request,
            HttpServletResponse response,
            MediaFile file,
            Path path,
            boolean shared,
            boolean download)
            throws IOException {
        long size = file.sizeBytes();
        long lastModified = file.createdAt().toInstant().toEpochMilli() / 1000 * 1000;
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(
                HttpHeaders.CACHE_CONTROL,
                shared ? "public, max-age=" + IMMUTABLE.toSeconds() + ", immutable" : "private, no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                        .filename(file.fileName(), StandardCharsets.UTF_8)
                        .build()
                        .toString());
        if (preconditionFailed(request, file.etag(), lastModified)) {
            response.setStatus(HttpServletResponse.SC_PRECONDITION_FAILED);
            return;
        }
        if (new ServletWebRequest(request, response).checkNotModified(file.etag(), lastModified)) {
            return; // 304 or 412, headers set
        }
        String range = request.getHeader(HttpHeaders.RANGE);
        ByteRanges.Outcome outcome = range == null || !ifRangeHolds(request, file.etag(), lastModified)
                ? new ByteRanges.Whole()
                : ByteRanges.resolve(range, size);
        boolean head = "HEAD".equals(request.getMethod());
        switch (outcome) {
            case ByteRanges.Whole w -> {
                response.setContentType(file.contentType());
                response.setContentLengthLong(size);
                if (!head) {
                    body(request, response, path, new ByteRanges.Range(0, size - 1));
                }
            }
            case ByteRanges.Unsatisfiable u -> {
                response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
                response.setContentLength(0);
            }
            case ByteRanges.Partial(List<ByteRanges.Range> ranges)
            when ranges.size() == 1 -> {
                ByteRanges.Range r = ranges.get(0);
                response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                response.setContentType(file.contentType());
                response.setHeader(HttpHeaders.CONTENT_RANGE, contentRange(r, size));
                response.setContentLengthLong(r.length());
                if (!head) {
                    body(request, response, path, r);
                }
            }
            case ByteRanges.Partial(List<ByteRanges.Range> ranges) -> multipart(response, file, path, ranges, head);
        }
    }

    /**
     * {@code If-Match} (strong comparison, {@code *} matches) and, without it, {@code If-Unmodified-Since}: RFC 9110
     * applies them to GET too (Spring's conditional support only does for state-changing methods).
     */
    private static boolean preconditionFailed(HttpServletRequest request, String etag, long lastModified) {
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch != null) {
            return java.util.Arrays.stream(ifMatch.split(","))
                    .map(String::strip)
                    .noneMatch(tag -> tag.equals("*") || tag.equals(etag));
        }
        long ifUnmodifiedSince;
        try {
            ifUnmodifiedSince = request.getDateHeader(HttpHeaders.IF_UNMODIFIED_SINCE);
        } catch (IllegalArgumentException e) {
            return false; // an unreadable date is ignored
        }
        return ifUnmodifiedSince >= 0 && lastModified > ifUnmodifiedSince;
    }

    /** {@code If-Range}: the range applies only if the validator is our (strong) ETag or exact modification date. */
    private static boolean ifRangeHolds(HttpServletRequest request, String etag, long lastModified) {
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.strip();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(etag);
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant()
                            .toEpochMilli()
                    == lastModified;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String contentRange(ByteRanges.Range r, long size) {
        return "bytes " + r.first() + "-" + r.last() + "/" + size;
    }

    private static void body(HttpServletRequest request, HttpServletResponse response, Path path, ByteRanges.Range r)
            throws IOException {
        if (Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
            request.setAttribute(SENDFILE_FILENAME, path.toAbsolutePath().toString());
            request.setAttribute(SENDFILE_START, r.first());
            request.setAttribute(SENDFILE_END, r.last() + 1);
            return;
        }
        OutputStream out = response.getOutputStream();
        copy(path, r, out);
        out.flush();
    }

    private static void copy(Path path, ByteRanges.Range r, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            WritableByteChannel target = Channels.newChannel(out);
            long position = r.first();
            long remaining = r.length();
            while (remaining > 0) {
                long sent = channel.transferTo(position, Math.min(remaining, 1 << 20), target);
                if (sent <= 0) {
                    throw new IOException("file shorter than its record: " + path);
                }
                position += sent;
                remaining -= sent;
            }
        }
    }

    /** Several ranges: one {@code multipart/byteranges} body, each part with its own Content-Range. */
    private static void multipart(
            HttpServletResponse response, MediaFile file, Path path, List<ByteRanges.Range> ranges, boolean head)
            throws IOException {
        String boundary = UUID.randomUUID().toString().replace("-", "");
        byte[][] partHeads = new byte[ranges.size()][];
        long length = 0;
        for (int i = 0; i < ranges.size(); i++) {
            ByteRanges.Range r = ranges.get(i);
            partHeads[i] = ("\r\n--" + boundary + "\r\nContent-Type: " + file.contentType() + "\r\nContent-Range: "
                            + contentRange(r, file.sizeBytes()) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            length += partHeads[i].length + r.length();
        }
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        length += end.length;
        response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
        response.setContentType("multipart/byteranges; boundary=" + boundary);
        response.setContentLengthLong(length);
        if (head) {
            return;
        }
        OutputStream out = response.getOutputStream();
        for (int i = 0; i < ranges.size(); i++) {
            out.write(partHeads[i]);
            copy(path, ranges.get(i), out);
        }
        out.write(end);
        out.flush();
    }
}
