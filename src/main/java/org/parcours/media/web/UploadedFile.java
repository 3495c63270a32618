package org.parcours.media.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * The file field of an upload form, read inside the controller so that every failure of the multipart body gets
 * the media page with a clear message: multipart parsing is lazy ({@code spring.servlet.multipart.resolve-lazily}),
 * and the CSRF token travels in the query string, so neither depends on a body that may be too large or cut short.
 */
sealed interface UploadedFile {

    record Present(MultipartFile file) implements UploadedFile {}

    /** Larger than the servlet container accepts ({@code spring.servlet.multipart.max-file-size}). */
    record TooLarge() implements UploadedFile {}

    /** A multipart body that could not be read: the upload was interrupted or is malformed. */
    record Broken() implements UploadedFile {}

    record Missing() implements UploadedFile {}

    static UploadedFile from(HttpServletRequest request, String field) {
        // The request may be wrapped (Spring Security); the multipart view is the one Spring put underneath.
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return new Missing();
        }
        try {
            @Nullable MultipartFile file = multipart.getFile(field);
            if (file == null) {
                return new Missing();
            }
            String name = file.getOriginalFilename();
            // A form sent without choosing a file has a part with no name and no content.
            return (name == null || name.isEmpty()) && file.isEmpty() ? new Missing() : new Present(file);
        } catch (MaxUploadSizeExceededException e) {
            return new TooLarge();
        } catch (MultipartException e) {
            return new Broken();
        }
    }

    /** A multipart text field (read the same way, so a broken body is not a 500). */
    static String field(HttpServletRequest request, String name) {
        try {
            String value = request.getParameter(name);
            return value == null ? "" : value;
        } catch (MultipartException | IllegalStateException e) {
            return "";
        }
    }
}
