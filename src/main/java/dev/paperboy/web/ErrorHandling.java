package dev.paperboy.web;

import dev.paperboy.catalog.PaperNotFound;
import dev.paperboy.search.InvalidQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where failures become responses: JSON {@code {"error": ...}} under {@code /api} and
 * {@code /admin}, an HTML page elsewhere; a 4xx for the caller's mistakes, never a 200.
 */
@ControllerAdvice
class ErrorHandling {

  private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

  @ExceptionHandler(InvalidQuery.class)
  Object invalidQuery(InvalidQuery e, HttpServletRequest request) {
    return respond(request, HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(PaperNotFound.class)
  Object notFound(PaperNotFound e, HttpServletRequest request) {
    return respond(request, HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object noPage(NoResourceFoundException e, HttpServletRequest request) {
    return respond(request, HttpStatus.NOT_FOUND, "nothing here: " + request.getRequestURI());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  Object badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String expected =
        e.getRequiredType() == null
            ? "a valid value"
            : e.getRequiredType().getSimpleName().equals("LocalDate")
                ? "a date like 2024-10-28"
                : "a " + e.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    return respond(
        request, HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' must be " + expected);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
    return respond(
        request, HttpStatus.BAD_REQUEST, "parameter '" + e.getParameterName() + "' is required");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  Object wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return respond(request, HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  Object unexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected failure on {}", request.getRequestURI(), e);
    return respond(
        request,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "something went wrong on our side; the server log has the details");
  }

  static boolean wantsJson(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/admin/");
  }

  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  Object unreadable(Exception e, HttpServletRequest request) {
    return respond(request, HttpStatus.BAD_REQUEST, "the request body is not valid JSON");
  }

  private static Object respond(HttpServletRequest request, HttpStatus status, String message) {
    if (wantsJson(request)) {
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("error", message));
    }
    ModelAndView page = new ModelAndView("error");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("reason", status.getReasonPhrase());
    page.addObject("message", message);
    return page;
  }
}
