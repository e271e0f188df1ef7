package dev.paperboy.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Who a request comes from, for rate limits and view counts: the one place that names the client.
 *
 * <p>It is the peer address as the server sees it, which the forwarded-header set-up replaces with
 * the client a trusted proxy reports, and only a trusted one; never a header any client can send
 * (User-Agent, a raw X-Forwarded-For). An IPv6 client is its /64, since one host usually holds a
 * whole /64 and could otherwise take a fresh address, and a fresh bucket, for every request.
 */
record ClientAddress(String key) {

  static final int IPV6_PREFIX_BYTES = 8;

  static ClientAddress of(HttpServletRequest request) {
    return of(request.getRemoteAddr());
  }

  static ClientAddress of(String remoteAddr) {
    if (remoteAddr == null || remoteAddr.isBlank()) {
      return new ClientAddress("unknown");
    }
    if (!remoteAddr.contains(":")) {
      return new ClientAddress(remoteAddr);
    }
    return new ClientAddress(ipv6Prefix(remoteAddr));
  }

  /** The /64 of an IPv6 literal (no name lookup: a literal is only parsed). */
  private static String ipv6Prefix(String literal) {
    try {
      byte[] bytes = InetAddress.getByName(literal.replaceAll("^\\[|]$|%.*$", "")).getAddress();
      if (bytes.length != 16) {
        return InetAddress.getByAddress(bytes).getHostAddress();
      }
      Arrays.fill(bytes, IPV6_PREFIX_BYTES, 16, (byte) 0);
      return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
    } catch (UnknownHostException e) {
      return literal;
    }
  }
}
