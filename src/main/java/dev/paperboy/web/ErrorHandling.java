package dev.paperboy.web;

import dev.paperboy.catalog.PaperNotFound;
import dev.paperboy.foryou.InvalidFeedback;
import dev.paperboy.library.UnreadableLibrary;
import dev.paperboy.search.InvalidQuery;
import dev.paperboy.sources.SourceBusy;
import dev.paperboy.trending.NoSuchPeriod;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.EOFException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where failures become responses, in the {@link ErrorFormat} of the route: JSON
 * {@code {"error": ...}} for the API, plain text for feeds and BibTeX, our HTML page elsewhere; a
 * 4xx for the caller's mistakes, never a 200, and never an exception's internals.
 */
@ControllerAdvice
class ErrorHandling {

  private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);
  private static final Set<String> WHOLE_NUMBERS = Set.of("int", "long", "Integer", "Long");

  /** All a client learns of a failure on our side. */
  static final String OUR_FAULT =
      "something went wrong on our side; the server log has the details";

  private final Site site;

  ErrorHandling(Site site) {
    this.site = site;
  }

  @ExceptionHandler(InvalidQuery.class)
  Object invalidQuery(InvalidQuery e, HttpServletRequest request, HttpServletResponse response) {
    return respond(request, response, HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(ControlCharacters.Refused.class)
  Object refused(
      ControlCharacters.Refused e, HttpServletRequest request, HttpServletResponse response) {
    return respond(request, response, HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(InvalidFeedback.class)
  Object invalidFeedback(
      InvalidFeedback e, HttpServletRequest request, HttpServletResponse response) {
    return respond(request, response, HttpStatus.BAD_REQUEST, e.getMessage());
  }

  /** No reader, or a token that names none: the API says how to authenticate. */
  @ExceptionHandler(ReaderRequired.class)
  Object readerRequired(
      ReaderRequired e, HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"paperboy\"");
    return respond(request, response, HttpStatus.UNAUTHORIZED, e.getMessage());
  }

  /** A reader's own page, with no one signed in: to the sign-in page, as every such page does. */
  @ExceptionHandler(SignInRequired.class)
  String signIn() {
    return "redirect:/signin";
  }

  @ExceptionHandler(NoSuchAccount.class)
  Object noAccount(NoSuchAccount e, HttpServletRequest request, HttpServletResponse response) {
    return respond(request, response, HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(CrossSiteRequest.class)
  Object crossSite(CrossSiteRequest e, HttpServletRequest request, HttpServletResponse response) {
    return respond(request, response, HttpStatus.FORBIDDEN, e.getMessage());
  }

  /** A library file or body in which not one entry could be read; the message says where. */
  @ExceptionHandler(UnreadableLibrary.class)
  Object unreadableLibrary(
      UnreadableLibrary e, HttpServletRequest request, HttpServletResponse response) {
    return respond(request, response, HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object uploadTooLarge(HttpServletRequest request, HttpServletResponse response) {
    return tooLarge(request, response);
  }

  /** An upload whose multipart body does not parse (no boundary, cut short). */
  @ExceptionHandler(MultipartException.class)
  Object badUpload(MultipartException e, HttpServletRequest request, HttpServletResponse response) {
    return unreadableBody(
        e,
        request,
        response,
        "the upload could not be read: send it as multipart/form-data, whole");
  }

  /** A source asked for by name is running already: a conflict to wait out, not a failure. */
  @ExceptionHandler(SourceBusy.class)
  Object busy(SourceBusy e, HttpServletRequest request, HttpServletResponse response) {
    return respond(request, response, HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(PaperNotFound.class)
  Object notFound(PaperNotFound e, HttpServletRequest request, HttpServletResponse response) {
    return respond(request, response, HttpStatus.NOT_FOUND, e.getMessage());
  }

  /** A trending list of the future, or of before arXiv: well asked, but there is none. */
  @ExceptionHandler(NoSuchPeriod.class)
  Object noList(NoSuchPeriod e, HttpServletRequest request, HttpServletResponse response) {
    return respond(request, response, HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object noPage(HttpServletRequest request, HttpServletResponse response) {
    return respond(request, response, HttpStatus.NOT_FOUND, "nothing here: " + path(request));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  Object badParameter(
      MethodArgumentTypeMismatchException e,
      HttpServletRequest request,
      HttpServletResponse response) {
    Class<?> type = e.getRequiredType();
    String expected =
        type == null
            ? "a valid value"
            : type == LocalDate.class
                ? "a date like 2024-10-28"
                : WHOLE_NUMBERS.contains(type.getSimpleName())
                    ? "a whole number within range"
                    : "a valid " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    return respond(
        request,
        response,
        HttpStatus.BAD_REQUEST,
        "parameter '" + e.getName() + "' must be " + expected);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  Object missingParameter(
      MissingServletRequestParameterException e,
      HttpServletRequest request,
      HttpServletResponse response) {
    return respond(
        request,
        response,
        HttpStatus.BAD_REQUEST,
        "parameter '" + e.getParameterName() + "' is required");
  }

  /** Tomcat could not decode the query or form: bad percent-encoding, or too large a form. */
  @ExceptionHandler(InvalidParameterException.class)
  Object undecodable(
      InvalidParameterException e, HttpServletRequest request, HttpServletResponse response) {
    if (e.getErrorCode() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
      return tooLarge(request, response);
    }
    return respond(
        request,
        response,
        HttpStatus.BAD_REQUEST,
        "the parameters could not be read: each must be UTF-8 text, percent-encoded (%ff is not"
            + " valid UTF-8), and there must be at most a few hundred of them");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  Object wrongMethod(
      HttpRequestMethodNotSupportedException e,
      HttpServletRequest request,
      HttpServletResponse response) {
    String allowed =
        e.getSupportedHttpMethods() == null
            ? ""
            : " (it takes " + e.getSupportedHttpMethods() + ")";
    return respond(
        request,
        response,
        HttpStatus.METHOD_NOT_ALLOWED,
        "this address does not take " + request.getMethod() + allowed);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  Object wrongContentType(
      HttpMediaTypeNotSupportedException e,
      HttpServletRequest request,
      HttpServletResponse response) {
    return respond(
        request,
        response,
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "send the body as " + MediaType.toString(e.getSupportedMediaTypes()));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  Object notAcceptable(
      HttpMediaTypeNotAcceptableException e,
      HttpServletRequest request,
      HttpServletResponse response) {
    // An Accept header that does not parse leaves Spring no list; the route's own type is the one.
    MediaType own = ErrorFormat.of(request).type;
    List<MediaType> types =
        e.getSupportedMediaTypes().isEmpty()
            ? List.of(new MediaType(own.getType(), own.getSubtype()))
            : e.getSupportedMediaTypes();
    return respond(
        request,
        response,
        HttpStatus.NOT_ACCEPTABLE,
        "this address answers " + MediaType.toString(types) + " only");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  Object unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) {
    return unreadableBody(
        e, request, response, "the request body is not valid JSON of the expected shape");
  }

  /** A body that could not be read: too large when the cap stopped it, else malformed. */
  private Object unreadableBody(
      Exception e, HttpServletRequest request, HttpServletResponse response, String message) {
    if (causedBy(e, BodyLimit.TooLarge.class)) {
      return tooLarge(request, response);
    }
    return respond(request, response, HttpStatus.BAD_REQUEST, message);
  }

  @ExceptionHandler(Exception.class)
  Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
    if (causedBy(e, BodyLimit.TooLarge.class)) {
      return tooLarge(request, response);
    }
    if (causedBy(e, EOFException.class)) {
      return respond(
          request, response, HttpStatus.BAD_REQUEST, "the request body ended before it was whole");
    }
    // Spring MVC's other refusals (a missing header, a binding error...) carry their own 4xx.
    if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
      HttpStatusCode status = refusal.getStatusCode();
      return respond(request, response, status, ErrorDispatch.phrase(status.value()));
    }
    log.error("Unexpected failure on {} {}", request.getMethod(), path(request), e);
    return respond(request, response, HttpStatus.INTERNAL_SERVER_ERROR, OUR_FAULT);
  }

  private Object tooLarge(HttpServletRequest request, HttpServletResponse response) {
    return respond(request, response, HttpStatus.PAYLOAD_TOO_LARGE, BodyLimit.TOO_LARGE);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String path(HttpServletRequest request) {
    return ErrorFormat.path(request);
  }

  /** The answer for a failure, in the format of the route the client asked for. */
  Object respond(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatusCode status,
      String message) {
    ErrorFormat format = ErrorFormat.of(request);
    if (format == ErrorFormat.PAGE) {
      return page(request, response, status, message);
    }
    // A preset Content-Type is written as is, whatever the Accept header asked for.
    return ResponseEntity.status(status)
        .contentType(format.type)
        .body(format == ErrorFormat.JSON ? Map.of("error", message) : message + "\n");
  }

  private ModelAndView page(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatusCode status,
      String message) {
    // A handler may have set another type (a stylesheet, a feed) before it failed.
    response.setContentType(ErrorFormat.PAGE.type.toString());
    ModelAndView page = new ModelAndView("error");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("reason", ErrorDispatch.phrase(status.value()));
    page.addObject("message", message);
    page.addObject("q", ErrorFormat.typed(request, "q"));
    page.addObject("csrf", Csrf.token(request, response, site));
    return page;
  }
}
