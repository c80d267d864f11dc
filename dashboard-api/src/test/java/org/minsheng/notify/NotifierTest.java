package org.minsheng.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotifierTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T02:46:00Z")); // 10:46 in Shanghai
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final Backoff backoff = new Backoff(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(2));
  private TestReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    receiver = new TestReceiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  /** A channel named {@code webhook} whose sends do what {@code send} says. */
  private static Channel webhookDoing(java.util.function.BiFunction<AlertMessage, String, DeliveryResult> send) {
    return new Channel() {
      @Override
      public String name() {
        return "webhook";
      }

      @Override
      public DeliveryResult send(AlertMessage alert, String idempotencyKey) {
        return send.apply(alert, idempotencyKey);
      }
    };
  }

  /** A notifier "n1" over {@code channel} alone, without quiet hours, sending with {@code sendThreads}. */
  private Notifier notifierOver(Channel channel, int sendThreads) {
    return new Notifier(outbox, List.of(new Notifier.Route(channel, QuietHours.NONE)), backoff, 60,
        Duration.ofMinutes(2), "n1", clock, sendThreads);
  }

  private Notifier notifier(QuietHours quiet, String owner) {
    Channel webhook = new WebhookChannel("webhook", receiver.url("/hook"), "s", new HttpPoster(Duration.ofSeconds(2)),
        clock);
    return new Notifier(outbox, List.of(new Notifier.Route(webhook, quiet)), backoff, 60, Duration.ofMinutes(2),
        owner, clock);
  }

  @Test
  void aReceiverDownForTenMinutesGetsEveryAlertOnceItIsBack() {
    for (int i = 0; i < 3; i++) {
      outbox.put(AlertDocs.alert("a" + i, "III", List.of("webhook")));
    }
    Notifier n = notifier(QuietHours.NONE, "n1");
    receiver.answer(503, "maintenance");
    Instant outageEnd = clock.instant().plus(Duration.ofMinutes(10));
    int polls = 0;
    while (clock.instant().isBefore(outageEnd)) {
      assertThat(n.pollOnce(10)).isZero();
      clock.advance(Duration.ofSeconds(5));
      polls++;
    }
    assertThat(outbox.delivery("a0", "webhook").get("state").asText()).isEqualTo("pending");
    assertThat(outbox.delivery("a0", "webhook").get("lastError").asText()).contains("HTTP 503");
    int attemptsDuringOutage = outbox.delivery("a0", "webhook").get("attempts").asInt();
    assertThat(attemptsDuringOutage).as("backoff, not one attempt per poll").isBetween(5, 12).isLessThan(polls);

    receiver.answer(200, "ok");
    receiver.requests.clear();
    int delivered = 0;
    for (int i = 0; i < 30 && delivered < 3; i++) { // back-off is capped at 2 min: all sent within 2.5 min
      clock.advance(Duration.ofSeconds(5));
      delivered += n.pollOnce(10);
    }
    assertThat(delivered).isEqualTo(3);
    assertThat(receiver.requests).extracting(r -> r.header("Idempotency-Key"))
        .containsExactlyInAnyOrder("a0:III:webhook", "a1:III:webhook", "a2:III:webhook");
    assertThat(outbox.delivery("a1", "webhook").get("state").asText()).isEqualTo("delivered");
    assertThat(outbox.delivery("a1", "webhook").get("deliveredAt").asText()).isNotEmpty();
    clock.advance(Duration.ofMinutes(10));
    assertThat(n.pollOnce(10)).as("nothing is sent twice").isZero();
    assertThat(receiver.requests).hasSize(3);
  }

  @Test
  void permanentFailuresAreNotRetried() {
    outbox.put(AlertDocs.alert("a9", "II", List.of("webhook")));
    receiver.answer(401, "bad signature");
    Notifier n = notifier(QuietHours.NONE, "n1");
    n.pollOnce(10);
    clock.advance(Duration.ofHours(1));
    n.pollOnce(10);
    assertThat(receiver.requests).hasSize(1);
    assertThat(outbox.delivery("a9", "webhook").get("state").asText()).isEqualTo("failed");
    assertThat(outbox.delivery("a9", "webhook").get("lastError").asText()).contains("HTTP 401");
  }

  @Test
  void quietHoursDeferAllButRed() {
    QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Asia/Shanghai"));
    MutableClock nightClock = clock;
    nightClock.advance(Duration.ofHours(13)); // 23:46 Shanghai
    outbox.put(AlertDocs.alert("blue", "IV", List.of("webhook")));
    outbox.put(AlertDocs.alert("red", "I", List.of("webhook")));
    Notifier n = notifier(night, "n1");
    assertThat(n.pollOnce(10)).isEqualTo(1);
    assertThat(receiver.requests).extracting(r -> r.header("Idempotency-Key")).containsExactly("red:I:webhook");
    assertThat(outbox.delivery("blue", "webhook").get("nextAttemptAt").asText()).isEqualTo("2026-11-21T23:00:00Z");
    clock.advance(Duration.ofHours(7).plusMinutes(14)); // 07:00 Shanghai
    assertThat(n.pollOnce(10)).isEqualTo(1);
    assertThat(receiver.requests).hasSize(2);
  }

  @Test
  void twoNotifiersNeverBothDeliver() {
    outbox.put(AlertDocs.alert("a5", "III", List.of("webhook")));
    Notifier n1 = notifier(QuietHours.NONE, "n1");
    Notifier n2 = notifier(QuietHours.NONE, "n2");
    // both read the same pending delivery; only the first conditional lease wins
    List<PendingDelivery> seenByN2 = outbox.due(clock.instant(), List.of("webhook"), 10);
    assertThat(n1.pollOnce(10)).isEqualTo(1);
    assertThat(outbox.write(seenByN2.get(0), seenByN2.get(0).state().leased("n2", clock.instant()))).isEmpty();
    assertThat(n2.pollOnce(10)).isZero();
    assertThat(receiver.requests).hasSize(1);
  }

  @Test
  void aChannelAtItsRateLimitKeepsTheRestPendingForLater() {
    for (int i = 0; i < 5; i++) {
      outbox.put(AlertDocs.alert("r" + i, "III", List.of("webhook")));
    }
    Channel webhook = new WebhookChannel("webhook", receiver.url("/hook"), "s", new HttpPoster(Duration.ofSeconds(2)),
        clock);
    Notifier n = new Notifier(outbox, List.of(new Notifier.Route(webhook, QuietHours.NONE, new RateLimit(2))), backoff,
        60, Duration.ofMinutes(2), "n1", clock);
    assertThat(n.pollOnce(10)).isEqualTo(2);
    clock.advance(Duration.ofSeconds(30));
    assertThat(n.pollOnce(10)).isZero();
    clock.advance(Duration.ofSeconds(31));
    assertThat(n.pollOnce(10)).isEqualTo(2);
    clock.advance(Duration.ofSeconds(61));
    assertThat(n.pollOnce(10)).isEqualTo(1);
    assertThat(receiver.requests).hasSize(5);
    assertThat(outbox.delivery("r4", "webhook").get("attempts").asInt()).isEqualTo(1);
  }

  @Test
  void anEscalationLandingWhileThePreviousLevelIsSentIsStillDeliveredOnce() {
    outbox.put(AlertDocs.alert("e1", "III", List.of("webhook")));
    List<String> sent = new java.util.ArrayList<>();
    Channel escalatingWhileSending = webhookDoing((alert, idempotencyKey) -> {
      sent.add(idempotencyKey);
      if (sent.size() == 1) {
        // the job merges the escalation (new level, fresh pending delivery) while this message is on its way
        outbox.put(AlertDocs.alert("e1", "II", List.of("webhook")));
      }
      return DeliveryResult.delivered("200");
    });
    Notifier n = notifierOver(escalatingWhileSending, 1);
    n.pollOnce(10);
    assertThat(outbox.delivery("e1", "webhook").path("state").asText())
        .as("the III outcome is not recorded over the II delivery").isEqualTo("pending");
    clock.advance(Duration.ofSeconds(1));
    n.pollOnce(10);
    clock.advance(Duration.ofMinutes(5));
    n.pollOnce(10);
    assertThat(sent).containsExactly("e1:III:webhook", "e1:II:webhook");
    assertThat(outbox.delivery("e1", "webhook").path("state").asText()).isEqualTo("delivered");
  }

  @Test
  void aSendThatBreaksLosesNoOtherOutcomeOfItsPoll() {
    Channel breaksOnOne = webhookDoing((alert, idempotencyKey) -> {
      if (idempotencyKey.startsWith("x2:")) {
        throw new AssertionError("a bug in a channel, not a failed delivery");
      }
      return DeliveryResult.delivered("200");
    });
    for (int i = 0; i < 4; i++) {
      outbox.put(AlertDocs.alert("x" + i, "IV", List.of("webhook")));
    }
    Notifier n = notifierOver(breaksOnOne, 4);
    assertThat(n.pollOnce(50)).isEqualTo(3);
    for (String id : List.of("x0", "x1", "x3")) {
      assertThat(outbox.delivery(id, "webhook").path("state").asText()).as(id).isEqualTo("delivered");
    }
    assertThat(outbox.delivery("x2", "webhook").path("state").asText()).isEqualTo("pending");
    assertThat(outbox.delivery("x2", "webhook").path("owner").asText()).as("leased: retried when the lease expires")
        .isEqualTo("n1");
  }

  @Test
  void sendingThreadsSendABurstAtOnceAndEachAlertStillOnce() {
    java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();
    List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    Channel slow = webhookDoing((alert, idempotencyKey) -> {
      mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(50); // a receiver's round trip
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      sent.add(idempotencyKey);
      return DeliveryResult.delivered("200");
    });
    for (int i = 0; i < 12; i++) {
      outbox.put(AlertDocs.alert("b" + i, "IV", List.of("webhook")));
    }
    Notifier n = notifierOver(slow, 4);
    assertThat(n.pollOnce(50)).isEqualTo(12);
    assertThat(mostAtOnce.get()).as("deliveries in flight at once").isBetween(2, 4);
    clock.advance(Duration.ofMinutes(5));
    assertThat(n.pollOnce(50)).as("nothing left to send").isZero();
    assertThat(sent).hasSize(12).doesNotHaveDuplicates();
    for (int i = 0; i < 12; i++) {
      assertThat(outbox.delivery("b" + i, "webhook").path("state").asText()).isEqualTo("delivered");
    }
  }

  @Test
  void quietHoursAndBackoffArithmetic() {
    QuietHours night = QuietHours.parse("22:00-07:00", ZoneId.of("Asia/Shanghai"));
    assertThat(night.isQuiet(Instant.parse("2026-11-21T15:00:00Z"))).isTrue(); // 23:00
    assertThat(night.isQuiet(Instant.parse("2026-11-21T22:59:59Z"))).isTrue(); // 06:59
    assertThat(night.isQuiet(Instant.parse("2026-11-21T23:00:00Z"))).isFalse(); // 07:00
    assertThat(night.end(Instant.parse("2026-11-21T15:00:00Z"))).isEqualTo(Instant.parse("2026-11-21T23:00:00Z"));
    QuietHours lunch = QuietHours.parse("12:00-13:00", ZoneId.of("Asia/Shanghai"));
    assertThat(lunch.isQuiet(Instant.parse("2026-11-21T04:30:00Z"))).isTrue();
    assertThat(lunch.isQuiet(Instant.parse("2026-11-21T05:00:00Z"))).isFalse();
    assertThat(QuietHours.NONE.isQuiet(Instant.now())).isFalse();
    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.after(10)).isEqualTo(Duration.ofMinutes(2));
  }
}
