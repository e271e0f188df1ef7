package dev.paperboy.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the requests Tomcat refuses before Spring sees them — a URL longer than the header limit,
 * {@code %2F}, {@code %00} or invalid UTF-8 in a path — in the route's {@link ErrorFormat} instead
 * of Tomcat's own HTML report. It replaces the host's {@link ErrorReportValve}, so it also answers
 * any other error left without a body, and never shows a stack trace.
 */
final class RejectedRequests extends ErrorReportValve {

  private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Supplier<ITemplateEngine> templates;

  RejectedRequests(Supplier<ITemplateEngine> templates) {
    this.templates = templates;
  }

  /** Installs this valve in place of the default report valve of the context's host. */
  void install(Context context) {
    StandardHost host = (StandardHost) context.getParent();
    host.setErrorReportValveClass(RejectedRequests.class.getName());
    host.getPipeline().addValve(this);
  }

  @Override
  protected void report(Request request, Response response, Throwable thrown) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    String uri = request.getRequestURI();
    // A request line Tomcat cannot parse (too long, raw control characters) has no path and no
    // headers; only programs send those, so they get JSON.
    ErrorFormat format = uri == null ? ErrorFormat.JSON : ErrorFormat.of(uri);
    String body;
    try {
      body = body(format, request, response, message(status));
    } catch (RuntimeException e) {
      log.warn("Could not render the error page for {}; answering in plain text", uri, e);
      format = ErrorFormat.TEXT;
      body = message(status) + "\n";
    }
    try {
      response.setContentType(format.type.toString());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException e) {
      log.debug("Could not write the error report for {}", uri, e);
    }
  }

  static String message(int status) {
    return switch (status) {
      case 400 ->
          "the request could not be read: the address may hold an invalid percent-encoding"
              + " (%ff is not UTF-8), an encoded slash (%2F) or NUL (%00), characters that must"
              + " be encoded, or be longer than the server accepts";
      case 413 -> BodyLimit.TOO_LARGE;
      case 414, 431 -> "the address or a header is longer than the server accepts";
      default -> ErrorDispatch.phrase(status).toLowerCase(Locale.ROOT);
    };
  }

  private String body(ErrorFormat format, Request request, Response response, String message) {
    return switch (format) {
      case JSON -> JSON.writeValueAsString(Map.of("error", message));
      case TEXT -> message + "\n";
      case PAGE -> page(request, response, message);
    };
  }

  private String page(Request request, Response response, String message) {
    ServletContext servletContext = servletContext();
    Map<String, Object> model = new HashMap<>();
    model.put("status", response.getStatus());
    model.put("reason", ErrorDispatch.phrase(response.getStatus()));
    model.put("message", message);
    model.put("q", ErrorFormat.typed(request.getQueryString(), "q"));
    // Tomcat refused the request before giving it a web application; lend it ours.
    HttpServletRequest inApplication = new Detached(request.getRequest(), servletContext);
    HttpServletResponse plainUrls =
        new HttpServletResponseWrapper(response.getResponse()) {
          @Override
          public String encodeURL(String url) {
            return url;
          }
        };
    WebContext context =
        new WebContext(
            JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(inApplication, plainUrls),
            Locale.ENGLISH,
            model);
    return templates.get().process("error", context);
  }

  /**
   * The refused request as the template sees it: our servlet context, attributes of its own and no
   * session, since Tomcat's request has no web application to provide them.
   */
  private static final class Detached extends HttpServletRequestWrapper {
    private final ServletContext servletContext;
    private final Map<String, Object> attributes = new HashMap<>();

    Detached(HttpServletRequest request, ServletContext servletContext) {
      super(request);
      this.servletContext = servletContext;
    }

    @Override
    public ServletContext getServletContext() {
      return servletContext;
    }

    @Override
    public HttpSession getSession(boolean create) {
      return null;
    }

    @Override
    public HttpSession getSession() {
      return null;
    }

    @Override
    public String getContextPath() {
      return "";
    }

    @Override
    public Object getAttribute(String name) {
      return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
      return Collections.enumeration(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
      attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      attributes.remove(name);
    }
  }

  private ServletContext servletContext() {
    for (Container child : getContainer().findChildren()) {
      if (child instanceof Context context) {
        return context.getServletContext();
      }
    }
    throw new IllegalStateException("no web application in this host");
  }
}
