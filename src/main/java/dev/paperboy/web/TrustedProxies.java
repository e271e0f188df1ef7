package dev.paperboy.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} Tomcat believes ({@code
 * PAPERBOY_TRUSTED_PROXIES}: addresses or CIDR ranges, comma-separated). Nobody else's: Tomcat's
 * own default trusts every private and loopback address, so any client on the same network or host
 * could name its own address. The client address this yields serves rate limits and logs; operator
 * access never rests on it.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private final String cidrs;

  TrustedProxies(@Value("${paperboy.trusted-proxies:}") String list) {
    this.cidrs = cidrs(list);
  }

  /** After Boot's own customizer, which adds the valve with its default list. */
  @Override
  public int getOrder() {
    return 1;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    for (Valve valve : factory.getEngineValves()) {
      if (valve instanceof RemoteIpValve remoteIp) {
        // Empty means none: Tomcat then believes no forwarded header at all.
        remoteIp.setInternalProxies(cidrs);
        remoteIp.setTrustedProxies(null);
      }
    }
  }

  /** The list as Tomcat's CIDR set: a bare address becomes a range of one. */
  static String cidrs(String list) {
    return Arrays.stream(list == null ? new String[0] : list.split(","))
        .map(String::strip)
        .filter(entry -> !entry.isEmpty())
        .map(TrustedProxies::cidr)
        .collect(Collectors.joining(","));
  }

  private static String cidr(String entry) {
    int slash = entry.indexOf('/');
    String address = slash < 0 ? entry : entry.substring(0, slash);
    if (!address.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalStateException(
          "PAPERBOY_TRUSTED_PROXIES takes IP addresses or CIDR ranges, not names; got " + entry);
    }
    try {
      InetAddress parsed = InetAddress.getByName(address); // a literal: no DNS lookup
      int bits = parsed instanceof Inet4Address ? 32 : 128;
      return slash < 0 ? parsed.getHostAddress() + "/" + bits : entry;
    } catch (UnknownHostException e) {
      throw new IllegalStateException("PAPERBOY_TRUSTED_PROXIES: not an IP address: " + entry, e);
    }
  }
}
