package org.parcours.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;

/**
 * Passes the response through untouched while keeping a copy of an HTML body (up to {@link PublicPageCache#MAX_PAGE_BYTES}),
 * so nothing is delayed or buffered for other content such as files or event streams.
 */
final class PageCapture extends HttpServletResponseWrapper {

    private @Nullable ByteArrayOutputStream copy = new ByteArrayOutputStream(16 * 1024);
    private boolean decided;
    private @Nullable ServletOutputStream stream;
    private @Nullable PrintWriter writer;

    PageCapture(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            ServletOutputStream target = super.getOutputStream();
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    target.write(b);
                    keep(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    target.write(b, off, len);
                    keep(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    target.flush();
                }

                @Override
                public boolean isReady() {
                    return target.isReady();
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    target.setWriteListener(listener);
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), getCharacterEncoding()), false);
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        super.flushBuffer();
    }

    private void keep(byte[] bytes, int off, int len) {
        if (!decided) {
            decided = true;
            String type = getContentType();
            if (type == null || !type.startsWith("text/html")) {
                copy = null;
            }
        }
        if (copy != null) {
            if (copy.size() + len > PublicPageCache.MAX_PAGE_BYTES) {
                copy = null;
            } else {
                copy.write(bytes, off, len);
            }
        }
    }

    void finish() {
        if (writer != null) {
            writer.flush();
        }
    }

    byte @Nullable [] body() {
        return copy == null ? null : copy.toByteArray();
    }
}
