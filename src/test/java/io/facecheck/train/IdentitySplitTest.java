package io.facecheck.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentitySplitTest {

    @Test
    void validationIdentitiesAreNeverTrainedOnWhateverTheSeedAndSize() {
        for (int n = 4; n <= 30; n++) {
            List<String> photos = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) {
                    photos.add("person" + i); // one entry per photo: the split must group them
                }
            }
            for (long seed = 0; seed < 5; seed++) {
                IdentitySplit s = IdentitySplit.of(photos, 0.3, seed);
                Set<String> train = new HashSet<>(s.training());
                assertThat(s.validation()).noneMatch(train::contains);
                assertThat(s.training().size() + s.validation().size()).isEqualTo(n);
                assertThat(s.validation().size()).isGreaterThanOrEqualTo(2);
                assertThat(s.training().size()).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSplit() {
        List<String> ids = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        assertThat(IdentitySplit.of(ids, 0.25, 3)).isEqualTo(IdentitySplit.of(List.of("h", "g", "f", "e", "d", "c", "b", "a"), 0.25, 3));
    }

    @Test
    void refusesOverlapAndTooFewPeople() {
        assertThatThrownBy(() -> new IdentitySplit(List.of("a", "b"), List.of("b", "c"))).hasMessageContaining("[b]");
        assertThatThrownBy(() -> IdentitySplit.of(List.of("a", "b", "c"), 0.3, 1)).hasMessageContaining("at least 4");
    }
}
