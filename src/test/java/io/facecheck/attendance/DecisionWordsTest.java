package io.facecheck.attendance;

import io.facecheck.config.DirectionMode;
import io.facecheck.store.Direction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Why a frame logged nothing, as the checkin command prints it: the same reasons in each language. */
class DecisionWordsTest {
    private static final Instant AT = Instant.parse("2026-03-02T08:55:40Z");
    private static final CheckInRules RULES = new CheckInRules(3, 5, Duration.ofSeconds(2), Duration.ofMinutes(5),
            DirectionMode.IN, false, 0.5, ZoneOffset.UTC);

    @Test
    void aDebouncedFrameSaysWhenAndHowLongInEachLanguage() {
        Decision d = new Decision(Decision.Kind.DEBOUNCED, "TB", Direction.IN, AT, 0.4, null, 3,
                AT.minusSeconds(40), false);
        assertThat(d.whyNotLogged(RULES).in(Locale.ENGLISH)).isEqualTo("TB was logged 40 s ago (debounce 5 min)");
        assertThat(d.whyNotLogged(RULES).in(Locale.JAPANESE)).isEqualTo(
                "TB は 40 秒 前に打刻済みです（二重打刻防止の間隔 5 分）");
        assertThat(d.whyNotLogged(RULES).in(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                "TB 已在 40 秒 前打卡（防重复打卡间隔 5 分钟）");
    }

    @Test
    void pendingAndLongerDurations() {
        Decision pending = new Decision(Decision.Kind.PENDING, "TB", Direction.IN, AT, 0.4, null, 2, null, false);
        assertThat(pending.whyNotLogged(RULES).english()).isEqualTo("TB recognised in 2 of the 3 frames needed");
        Decision late = new Decision(Decision.Kind.DEBOUNCED, "TB", Direction.IN, AT, 0.4, null, 3,
                AT.minus(Duration.ofMinutes(125)), false);
        assertThat(late.whyNotLogged(RULES).english()).isEqualTo("TB was logged 2 h 5 min ago (debounce 5 min)");
        Decision checkIn = new Decision(Decision.Kind.CHECK_IN, "TB", Direction.IN, AT, 0.4, null, 3, null, false);
        assertThat(checkIn.whyNotLogged(RULES)).isNull();
    }
}
