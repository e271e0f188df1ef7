package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpTlsTest {

  private static Properties javaMail(String setting, String host, int port) {
    MailSettings settings = new MailSettings(host, port, "", "", "p@localhost", 8, 3, 3, 20);
    return ((org.springframework.mail.javamail.JavaMailSenderImpl)
            new MailConfiguration().smtp(settings, setting))
        .getJavaMailProperties();
  }

  @Test
  void offLoopbackStartTlsIsRequiredNotMerelyTried() {
    Properties p = javaMail("", "smtp.example.org", 587);
    assertThat(p).containsEntry("mail.smtp.starttls.enable", "true");
    assertThat(p).containsEntry("mail.smtp.starttls.required", "true");
    assertThat(p).containsEntry("mail.smtp.ssl.checkserveridentity", "true");
    assertThat(javaMail("", "smtp.example.org", 25))
        .containsEntry("mail.smtp.starttls.required", "true");
  }

  @Test
  void port465UsesImplicitTls() {
    Properties p = javaMail("", "smtp.example.org", 465);
    assertThat(p).containsEntry("mail.smtp.ssl.enable", "true");
    assertThat(p).containsEntry("mail.smtp.starttls.enable", "false");
  }

  @Test
  void aRelayOnLoopbackIsSpokenToInClear() {
    for (String host : new String[] {"localhost", "127.0.0.1", "::1"}) {
      Properties p = javaMail("", host, 25);
      assertThat(p).as(host).containsEntry("mail.smtp.starttls.enable", "false");
      assertThat(p).as(host).containsEntry("mail.smtp.ssl.enable", "false");
    }
  }

  @Test
  void theSettingWinsAndAnUnknownOneIsAStartUpError() {
    assertThat(javaMail("none", "smtp.example.org", 587))
        .containsEntry("mail.smtp.starttls.required", "false");
    assertThat(javaMail("STARTTLS", "127.0.0.1", 25))
        .containsEntry("mail.smtp.starttls.required", "true");
    assertThat(javaMail("implicit", "smtp.example.org", 2465))
        .containsEntry("mail.smtp.ssl.enable", "true");
    assertThatThrownBy(() -> javaMail("maybe", "smtp.example.org", 587))
        .hasMessageContaining("PAPERBOY_SMTP_TLS");
  }
}
