package dev.paperboy.web;

import dev.paperboy.digest.Tokens;
import dev.paperboy.runtime.OperatorToken;
import dev.paperboy.runtime.PaperboySettings;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Operator access, CSRF on our forms, the security headers on every response, the cap on request
 * bodies, and the error answers for requests Tomcat refuses itself.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final Site site;

  WebConfiguration(Site site) {
    this.site = site;
  }

  /**
   * A servlet filter rather than an MVC interceptor, so it stands in front of everything the server
   * answers — Actuator's endpoints included, which interceptors never see.
   */
  @Bean
  FilterRegistrationBean<OperatorAccess> operatorAccess(
      OperatorToken token, PaperboySettings settings, Tokens tokens) {
    FilterRegistrationBean<OperatorAccess> registration =
        new FilterRegistrationBean<>(new OperatorAccess(token, settings, tokens, site));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // Not on the imports: they read their body as a stream, which reading parameters would consume.
    registry
        .addInterceptor(new ControlCharacters())
        .excludePathPatterns("/admin/import", BodyLimit.LIBRARY_API, "/error");
    registry
        .addInterceptor(new Csrf())
        .addPathPatterns(
            "/subscribe",
            "/confirm",
            "/signin",
            "/session",
            "/settings",
            "/settings/**",
            "/vote",
            "/save",
            "/not-interested",
            FeedbackPages.MINE,
            "/library/**");
  }

  /** Before everything else that might read a body. */
  @Bean
  FilterRegistrationBean<BodyLimit> bodyLimit(
      @Value("${paperboy.web.max-body:64KB}") DataSize body,
      @Value("${paperboy.web.max-import-body:32GB}") DataSize importBody,
      @Value("${paperboy.web.max-library-body:16MB}") DataSize libraryBody) {
    FilterRegistrationBean<BodyLimit> registration =
        new FilterRegistrationBean<>(
            new BodyLimit(new BodyLimit.Limits(body, importBody, libraryBody)));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> rejectedRequests(
      ObjectProvider<ITemplateEngine> templates) {
    RejectedRequests valve = new RejectedRequests(templates::getObject);
    return factory -> factory.addContextCustomizers(valve::install);
  }

  /**
   * Pages are HTML whatever their address ends with: Thymeleaf would otherwise take the type from
   * the path's extension and send our error page for {@code /feed/search.atom} or {@code
   * /css/paperboy.css} as a feed or a stylesheet.
   */
  @Bean
  static BeanPostProcessor pagesAreHtml() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof ThymeleafViewResolver resolver) {
          resolver.setForceContentType(true);
        }
        return bean;
      }
    };
  }

  /**
   * Scripts only from this site (KaTeX and ours), so even an escaping slip cannot run injected
   * script; KaTeX sets inline styles, hence 'unsafe-inline' for styles only. Ordered before
   * operator access, so its refusals carry these headers too.
   */
  @Bean
  FilterRegistrationBean<Filter> securityHeaders() {
    Filter headers =
        (request, response, chain) -> {
          HttpServletResponse http = (HttpServletResponse) response;
          http.setHeader(
              "Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                  + " img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none';"
                  + " frame-ancestors 'none'");
          http.setHeader("X-Content-Type-Options", "nosniff");
          http.setHeader("Referrer-Policy", "same-origin");
          if (site.https()) {
            http.setHeader("Strict-Transport-Security", "max-age=31536000");
          }
          chain.doFilter(request, response);
        };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(headers);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
    return registration;
  }
}
