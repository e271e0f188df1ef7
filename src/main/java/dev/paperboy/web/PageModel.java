package dev.paperboy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the CSRF value for the subscribe box in the footer. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

  private final Site site;

  PageModel(Site site) {
    this.site = site;
  }

  @ModelAttribute("csrf")
  String csrf(HttpServletRequest request, HttpServletResponse response) {
    return Csrf.token(request, response, site);
  }
}
