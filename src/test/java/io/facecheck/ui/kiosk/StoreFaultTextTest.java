package io.facecheck.ui.kiosk;

import io.facecheck.store.StoreException;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21, item 3: when the database cannot be written while a check-in is stored (no greeting is shown then), the
 * kiosk tells the person, in each language, that it was not saved; other failures keep their generic words.
 */
class StoreFaultTextTest {
    @Test
    void aDatabaseThatCannotBeWrittenTellsThePersonTheCheckInWasNotSaved() {
        StoreException full = new StoreException(StoreException.Kind.READ_ONLY,
                "database /data/fc.mv.db cannot be written: the disk is full: …");
        assertThat(KioskViewModel.errorText(full).in(Locale.ENGLISH)).isEqualTo("Your check-in was NOT saved: the "
                + "attendance database cannot be written (database /data/fc.mv.db cannot be written: the disk is full: …)."
                + " Please tell an administrator.");
        assertThat(KioskViewModel.errorText(full).in(Locale.SIMPLIFIED_CHINESE)).startsWith("本次打卡未能保存");
        assertThat(KioskViewModel.errorText(full).in(Locale.JAPANESE)).startsWith("打刻は保存されていません");
        assertThat(KioskViewModel.errorText(new IllegalStateException("boom")).in(Locale.ENGLISH))
                .isEqualTo("Recognition failed: boom");
    }
}
