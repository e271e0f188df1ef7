package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.support.PaperboyIntegrationTest;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP connection {@code PAPERBOY_SMTP_TLS} asks for, against a real SMTP server in-process
 * (GreenMail): required TLS that cannot be had means no mail, never mail in clear.
 */
class SmtpTlsIT {

  private GreenMail server;

  @AfterEach
  void stop() {
    server.stop();
  }

  private int start(String protocol) throws IOException {
    int port = PaperboyIntegrationTest.freePort();
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", protocol));
    server.start();
    return port;
  }

  private static JavaMailSenderImpl sender(int port, String tls) {
    MailSettings settings =
        new MailSettings("127.0.0.1", port, "", "", "paperboy@localhost", 8, 3, 3, 20);
    return (JavaMailSenderImpl) new MailConfiguration().smtp(settings, tls);
  }

  private static SimpleMailMessage letter() {
    SimpleMailMessage m = new SimpleMailMessage();
    m.setFrom("paperboy@localhost");
    m.setTo("reader@example.org");
    m.setSubject("Your sign-in link");
    m.setText("a secret link");
    return m;
  }

  @Test
  void requiredStartTlsThatTheServerCannotGiveSendsNothing() throws IOException {
    int port = start("smtp");
    assertThatThrownBy(() -> sender(port, "starttls").send(letter()))
        .isInstanceOf(MailException.class);
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void theSameServerGetsTheLetterWhenTlsIsExplicitlyOff() throws IOException {
    int port = start("smtp");
    sender(port, "none").send(letter());
    assertThat(server.getReceivedMessages()).hasSize(1);
  }

  @Test
  void implicitTlsSpeaksTlsFromTheFirstByte() throws IOException {
    int port = start("smtps");
    JavaMailSenderImpl verifying = sender(port, "implicit");
    // GreenMail's certificate is its own: a verifying client refuses it, and sends nothing.
    assertThatThrownBy(() -> verifying.send(letter())).isInstanceOf(MailException.class);
    assertThat(server.getReceivedMessages()).isEmpty();
    JavaMailSenderImpl trusting = sender(port, "implicit");
    trusting.getJavaMailProperties().put("mail.smtp.ssl.trust", "127.0.0.1");
    trusting.getJavaMailProperties().put("mail.smtp.ssl.checkserveridentity", "false");
    trusting.send(letter());
    assertThat(server.getReceivedMessages()).hasSize(1);
  }
}
