package org.parcours.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The 404 page for unknown slugs, ids and URLs, and a plain error page for everything else. Neither ever shows a
 * stack trace or exception message. Every error goes through the container's error dispatch to {@code /error},
 * so there is one rendering path (with the visitor's language) whatever raised it.
 */
@Controller
@ControllerAdvice
class ErrorPages implements ErrorController {

    @ExceptionHandler({
        NotFoundException.class,
        MethodArgumentTypeMismatchException.class,
        NoResourceFoundException.class
    })
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    /**
     * A query string that cannot be decoded (e.g. bytes that are not UTF-8): the visitor's request is wrong, so a 400
     * page rather than a logged server error.
     */
    @ExceptionHandler(InvalidParameterException.class)
    void badParameters(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        response.setStatus(status);
        return status == HttpServletResponse.SC_NOT_FOUND ? "error/not-found" : "error/error";
    }
}
