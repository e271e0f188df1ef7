package dev.paperboy.web;

import dev.paperboy.digest.Tokens;
import dev.paperboy.runtime.OperatorToken;
import dev.paperboy.runtime.PaperboySettings;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Operator access, CSRF on our forms and the security headers on every response. */
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
            "/save");
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
