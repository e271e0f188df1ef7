package dev.paperboy.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors raised before a controller answers — a filter's 413, an interceptor's 403, an exception
 * thrown by a filter — reach Tomcat's error dispatch to {@code /error}, and are answered here like
 * any other, in the route's {@link ErrorFormat}; exceptions go to {@link ErrorHandling}.
 */
@Controller
class ErrorDispatch implements ErrorController {

  private final ErrorHandling errors;

  ErrorDispatch(ErrorHandling errors) {
    this.errors = errors;
  }

  @RequestMapping("${server.error.path:/error}")
  Object error(HttpServletRequest request, HttpServletResponse response) throws Exception {
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Exception e) {
      throw unwrapped(e);
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (!(code instanceof Integer status)) {
      return errors.respond(
          request, response, HttpStatus.NOT_FOUND, "nothing here: " + request.getRequestURI());
    }
    // A refusal sent by our filters (413, 403) says why; a 5xx, whoever sent it, says no more
    // than that it happened.
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    String text =
        status >= 500
            ? ErrorHandling.OUR_FAULT
            : message instanceof String m && !m.isBlank() ? m : phrase(status);
    return errors.respond(request, response, HttpStatusCode.valueOf(status), text);
  }

  private static Exception unwrapped(Exception e) {
    return e instanceof ServletException s && s.getRootCause() instanceof Exception cause
        ? cause
        : e;
  }

  static String phrase(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "the request was refused" : known.getReasonPhrase();
  }
}
