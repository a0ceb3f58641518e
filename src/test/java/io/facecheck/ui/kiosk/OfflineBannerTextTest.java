package io.facecheck.ui.kiosk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The words of the kiosk's offline banner for each state of the server and the journal. */
class OfflineBannerTextTest {
    @Test
    void offlineBannerCountsTheWaitingCheckIns() {
        assertThat(KioskViewModel.offlineText(false, 0)).isEqualTo("Offline — 0 check-ins waiting");
        assertThat(KioskViewModel.offlineText(false, 1)).isEqualTo("Offline — 1 check-in waiting");
        assertThat(KioskViewModel.offlineText(false, 12)).isEqualTo("Offline — 12 check-ins waiting");
    }

    @Test
    void backOnlineTheBannerStaysUntilTheJournalIsUploadedThenGoes() {
        assertThat(KioskViewModel.offlineText(true, 3)).isEqualTo("Back online — uploading 3 check-ins");
        assertThat(KioskViewModel.offlineText(true, 0)).isEmpty();
    }
}
