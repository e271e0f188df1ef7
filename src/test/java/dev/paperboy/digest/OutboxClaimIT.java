package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox's claim is a lease: while its sender lives no other sender (another instance) takes
 * the message, and once the lease has run out (the sender died mid-send) another one does.
 */
class OutboxClaimIT extends SharedApplicationTest {

  @Autowired Outbox outbox;

  @Test
  void aClaimedMessageIsNotTakenAgainWhileItsLeaseHoldsAndIsAfterward() {
    String messageId = "<" + UUID.randomUUID() + "@paperboy.test>";
    long id =
        outbox.queue(
            new Outbox.Draft(
                messageId, "lease@example.org", null, "confirm", "Subject", "Text", null, null));

    List<Outbox.Message> first = outbox.claim(1000);
    assertThat(first).extracting(Outbox.Message::id).contains(id);
    // Another instance's sender, while the first still holds its claim.
    assertThat(outbox.claim(1000)).extracting(Outbox.Message::id).doesNotContain(id);

    jdbcClient
        .sql("update outbox set claimed_at = now() - make_interval(secs => ?) where id = ?")
        .params(Outbox.STALE_CLAIM.toSeconds() + 1, id)
        .update();
    List<Outbox.Message> retaken = outbox.claim(1000);
    assertThat(retaken).extracting(Outbox.Message::id).contains(id);
    assertThat(retaken.stream().filter(m -> m.id() == id).findFirst().orElseThrow().attempts())
        .isEqualTo(2);
    release(first, id);
  }

  /** Gives back what the claims took from other tests sharing this database, and drops ours. */
  private void release(List<Outbox.Message> claimed, long ours) {
    jdbcClient.sql("delete from outbox where id = ?").param(ours).update();
    jdbcClient
        .sql(
            "update outbox set status = 'queued', claimed_at = null, attempts = attempts - 1"
                + " where id = any(?) and status = 'sending'")
        .param(claimed.stream().map(Outbox.Message::id).toArray(Long[]::new))
        .update();
  }
}
