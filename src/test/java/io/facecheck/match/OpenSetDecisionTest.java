package io.facecheck.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSetDecisionTest {

    private final OpenSetDecision rule = new OpenSetDecision(1.0, 0.1);

    @Test
    void acceptsOnlyBelowThresholdWithAMargin() {
        OpenSetDecision.Verdict v = rule.decide(List.of(new Match("ann", 0.5, 3), new Match("bob", 0.7, 2)));
        assertThat(v.accepted()).isTrue();
        assertThat(v.identity()).contains("ann");
        assertThat(v.margin()).isEqualTo(0.7 - 0.5);
        assertThat(v.reason()).isEqualTo(OpenSetDecision.Reason.ACCEPTED);
    }

    @Test
    void rejectsAtOrAboveThreshold() {
        OpenSetDecision.Verdict v = rule.decide(List.of(new Match("ann", 1.0, 1), new Match("bob", 1.9, 1)));
        assertThat(v.accepted()).isFalse();
        assertThat(v.identity()).isEmpty();
        assertThat(v.best().orElseThrow().identity()).isEqualTo("ann");
        assertThat(v.reason()).isEqualTo(OpenSetDecision.Reason.ABOVE_THRESHOLD);
    }

    @Test
    void rejectsLookAlikesWithinTheMargin() {
        OpenSetDecision.Verdict v = rule.decide(List.of(new Match("ann", 0.50, 1), new Match("bob", 0.55, 1)));
        assertThat(v.accepted()).isFalse();
        assertThat(v.reason()).isEqualTo(OpenSetDecision.Reason.AMBIGUOUS);
        assertThat(v.reason().code()).isEqualTo("ambiguous");
    }

    @Test
    void singleIdentityNeedsOnlyTheThresholdAndEmptyGalleryRejects() {
        assertThat(rule.decide(List.of(new Match("ann", 0.9, 1))).accepted()).isTrue();
        OpenSetDecision.Verdict none = rule.decide(List.of());
        assertThat(none.accepted()).isFalse();
        assertThat(none.reason()).isEqualTo(OpenSetDecision.Reason.EMPTY_GALLERY);
    }

    @Test
    void strangerBetweenTwoEnrolledPeopleIsRejectedThroughTheGallery() {
        Gallery g = new Gallery(3, 1);
        g.add("ann", GalleryTest.at(0));
        g.add("bob", GalleryTest.at(40));
        // at 20°: 2 − 2cos 20° = 0.121 to both: under a loose threshold, but no margin
        OpenSetDecision loose = new OpenSetDecision(0.5, 0.05);
        assertThat(loose.identify(g, GalleryTest.at(20)).reason()).isEqualTo(OpenSetDecision.Reason.AMBIGUOUS);
        assertThat(loose.identify(g, GalleryTest.at(3)).identity()).contains("ann");
        // an identity left out of the gallery, far from both
        assertThat(loose.identify(g, GalleryTest.at(140)).reason()).isEqualTo(OpenSetDecision.Reason.ABOVE_THRESHOLD);
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new OpenSetDecision(0, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenSetDecision(1, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
