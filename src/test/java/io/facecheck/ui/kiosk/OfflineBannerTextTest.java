package io.facecheck.ui.kiosk;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The words of the kiosk's offline banner for each state of the server and the journal, in each language. */
class OfflineBannerTextTest {
    @Test
    void offlineBannerCountsTheWaitingCheckIns() {
        assertThat(KioskViewModel.offlineText(false, 0).in(Locale.ENGLISH)).isEqualTo("Offline — 0 check-ins waiting");
        assertThat(KioskViewModel.offlineText(false, 1).in(Locale.ENGLISH)).isEqualTo("Offline — 1 check-in waiting");
        assertThat(KioskViewModel.offlineText(false, 12).in(Locale.ENGLISH)).isEqualTo("Offline — 12 check-ins waiting");
        assertThat(KioskViewModel.offlineText(false, 1234).in(Locale.ENGLISH))
                .isEqualTo("Offline — 1,234 check-ins waiting");
        assertThat(KioskViewModel.offlineText(false, 3).in(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("网络已断开 — 3 条打卡记录待上传");
        assertThat(KioskViewModel.offlineText(false, 3).in(Locale.JAPANESE)).isEqualTo("オフライン — 未送信の打刻 3 件");
    }

    @Test
    void backOnlineTheBannerStaysUntilTheJournalIsUploadedThenGoes() {
        assertThat(KioskViewModel.offlineText(true, 3).in(Locale.ENGLISH)).isEqualTo("Back online — uploading 3 check-ins");
        assertThat(KioskViewModel.offlineText(true, 3).in(Locale.JAPANESE)).isEqualTo("オンラインに復帰 — 打刻 3 件を送信中");
        assertThat(KioskViewModel.offlineText(true, 0).isEmpty()).isTrue();
    }
}
