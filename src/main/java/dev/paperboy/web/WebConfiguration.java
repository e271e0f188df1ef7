package dev.paperboy.web;

import dev.paperboy.runtime.PaperboySettings;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Operator access rules and the security headers on every response. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final PaperboySettings settings;

  WebConfiguration(PaperboySettings settings) {
    this.settings = settings;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new OperatorAccess(settings))
        .addPathPatterns("/admin/**", "/sources", "/api/sources", "/mail", "/mail/**");
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
   * script; KaTeX sets inline styles, hence 'unsafe-inline' for styles only.
   */
  @Bean
  Filter securityHeaders() {
    return (request, response, chain) -> {
      HttpServletResponse http = (HttpServletResponse) response;
      http.setHeader(
          "Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
              + " img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none';"
              + " frame-ancestors 'none'");
      http.setHeader("X-Content-Type-Options", "nosniff");
      http.setHeader("Referrer-Policy", "same-origin");
      chain.doFilter(request, response);
    };
  }
}
