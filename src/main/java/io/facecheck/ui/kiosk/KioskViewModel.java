package io.facecheck.ui.kiosk;

import io.facecheck.camera.CaptureState;
import io.facecheck.camera.FrameCapture;
import io.facecheck.camera.FrameSource;
import io.facecheck.camera.FrameSources;
import io.facecheck.store.StoreException;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;

import io.facecheck.ui.I18n;
import io.facecheck.ui.I18n.Text;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * State of the kiosk screen. Owns the capture and inference threads; everything it exposes is changed on
 * the FX thread only. The view binds to it and draws; it holds no logic.
 */
public final class KioskViewModel implements AutoCloseable {
    public enum BannerKind { NONE, WELCOME, UNKNOWN, GUIDANCE, CHALLENGE }

    /** How long a greeting stays up before guidance may replace it. */
    static final Duration GREETING_TIME = Duration.seconds(4);

    private final Supplier<FrameAnalyzer> analyzerFactory;
    private final ReadOnlyObjectWrapper<FrameCapture> capture = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CaptureState> cameraState = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper cameraMissing = new ReadOnlyBooleanWrapper();
    // what to show is kept as texts (keys and arguments); the string properties render them in the language of
    // the moment, so a language switch re-renders a banner that is up
    private final ObjectProperty<Text> bannerText = new SimpleObjectProperty<>(Text.NONE);
    private final ObjectProperty<Text> recordedText = new SimpleObjectProperty<>(Text.NONE);
    private final ObjectProperty<Text> errorText = new SimpleObjectProperty<>(Text.NONE);
    private final ObjectProperty<Text> offlineText = new SimpleObjectProperty<>(Text.NONE);
    private final ObjectProperty<Text> challengeText = new SimpleObjectProperty<>(Text.NONE);
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recorded = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BannerKind> bannerKind = new ReadOnlyObjectWrapper<>(BannerKind.NONE);
    private final ReadOnlyObjectWrapper<KioskUpdate> lastUpdate = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper offline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper challenge = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper livenessResult = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Runnable> onCheckIn = new SimpleObjectProperty<>(Chime::play);
    private final PauseTransition greetingTimer = new PauseTransition(GREETING_TIME);
    private final Clock clock;
    private InferenceLoop inference;
    private boolean closed;
    private int greetings;
    private long updates;

    /**
     * @param analyzerFactory makes the analyser for a (new) source; called on the FX thread, must be cheap
     */
    public KioskViewModel(Supplier<FrameAnalyzer> analyzerFactory) {
        this(analyzerFactory, Clock.systemDefaultZone());
    }

    /** @param clock the time and zone of the header's clock (the check-ins' clock, in the configured zone) */
    public KioskViewModel(Supplier<FrameAnalyzer> analyzerFactory, Clock clock) {
        this.analyzerFactory = Objects.requireNonNull(analyzerFactory);
        this.clock = Objects.requireNonNull(clock);
        banner.bind(I18n.text(bannerText));
        recorded.bind(I18n.text(recordedText));
        error.bind(I18n.text(errorText));
        offline.bind(I18n.text(offlineText));
        challenge.bind(I18n.text(challengeText));
        greetingTimer.setOnFinished(e -> {
            if (bannerKind.get() == BannerKind.WELCOME) {
                setBanner(BannerKind.NONE, Text.NONE);
            }
        });
    }

    /** Starts playing {@code spec} (see {@link FrameSources#parse}); a bad spec becomes the error text. */
    public void useCamera(String spec) {
        FrameSource source;
        try {
            source = FrameSources.parse(spec);
        } catch (IllegalArgumentException e) {
            errorText.set(Text.of("kiosk.error.camera", e.getMessage()));
            return;
        }
        use(source, FrameCapture.Options.DEFAULT);
    }

    public void use(FrameSource source, FrameCapture.Options options) {
        if (closed) {
            // the window's warm-up task can finish after the window was closed: a camera and an inference loop
            // started now would run on against closed models
            source.close();
            return;
        }
        stop();
        errorText.set(Text.NONE);
        FrameCapture c = new FrameCapture(source, options);
        c.addListener(s -> Platform.runLater(() -> onState(s)));
        capture.set(c);
        c.start();
        inference = new InferenceLoop(c, analyzerFactory.get(), u -> Platform.runLater(() -> apply(u)),
                e -> Platform.runLater(() -> errorText.set(errorText(e)))).start();
    }

    /**
     * What the kiosk says when analysing a frame failed. A database that cannot be written (disk full, read-only)
     * failed while a check-in was being stored: no greeting was shown, and the person is told it was not saved.
     */
    static Text errorText(Exception e) {
        if (e instanceof StoreException se && se.kind() == StoreException.Kind.READ_ONLY) {
            return Text.of("camera.store.not-saved", se.getMessage());
        }
        return Text.of("kiosk.error.recognition", e.getMessage());
    }

    /** Shows a problem that is not the camera's (e.g. models missing) under the preview; {@link Text#NONE} clears it. */
    public void showError(Text message) {
        errorText.set(message == null ? Text.NONE : message);
    }

    /**
     * Whether the database server answers and how many of this kiosk's check-ins wait in its local journal for it;
     * shown as the offline banner ({@link #offlineProperty()}). Call on the FX thread.
     */
    public void showConnection(boolean online, int waiting) {
        offlineText.set(offlineText(online, waiting));
    }

    /** The offline banner's words: none when the server answers and nothing waits. */
    static Text offlineText(boolean online, int waiting) {
        if (online && waiting <= 0) {
            return Text.NONE;
        }
        return Text.of(online ? "kiosk.offline.uploading" : "kiosk.offline.waiting", Math.max(0, waiting));
    }

    private void onState(CaptureState s) {
        if (capture.get() == null || !s.source().equals(capture.get().source().describe())) {
            return; // a late event of a source we already left
        }
        cameraState.set(s);
        cameraMissing.set(s.status() == CaptureState.Status.NO_CAMERA
                || s.status() == CaptureState.Status.RECONNECTING || s.status() == CaptureState.Status.ENDED);
        if (cameraMissing.get()) {
            // nobody can be seen while the camera is away: no stale boxes, no stale "not recognised" or instruction
            // (a greeting stays up for its time: that check-in was logged)
            KioskUpdate last = lastUpdate.get();
            if (last != null && !last.faces().isEmpty()) {
                lastUpdate.set(KioskUpdate.empty(last.frameSequence(), last.frameWidth(), last.frameHeight()));
            }
            if (bannerKind.get() != BannerKind.WELCOME && bannerKind.get() != BannerKind.NONE) {
                setBanner(BannerKind.NONE, Text.NONE);
            }
        }
    }

    void apply(KioskUpdate u) {
        updates++;
        if (cameraMissing.get() && u.checkIns().isEmpty()) {
            return; // an analysis of a frame from before the camera went away: nothing to show of it now
        }
        lastUpdate.set(u);
        if (u.message().isChallenge()) {
            challengeText.set(u.message().text());
            livenessResult.set("");
        }
        if (!u.checkIns().isEmpty()) {
            if ("camera.store.not-saved".equals(errorText.get().key())) {
                errorText.set(Text.NONE); // stored again: the database can be written
            }
            if (!challengeText.get().isEmpty()) {
                livenessResult.set("passed");
                challengeText.set(Text.NONE);
            }
            greet(u.checkIns().get(0));
            return;
        }
        if (bannerKind.get() == BannerKind.WELCOME) {
            return; // let the person read their greeting
        }
        switch (u.message()) {
            case NONE -> setBanner(BannerKind.NONE, Text.NONE);
            case NOT_RECOGNISED -> setBanner(BannerKind.UNKNOWN, u.message().text());
            case TURN_LEFT, TURN_RIGHT -> setBanner(BannerKind.CHALLENGE, u.message().text());
            case CHALLENGE_FAILED -> {
                if (!challengeText.get().isEmpty()) {
                    livenessResult.set("failed");
                    challengeText.set(Text.NONE);
                }
                setBanner(BannerKind.UNKNOWN, u.message().text());
            }
            default -> setBanner(BannerKind.GUIDANCE, u.message().text());
        }
    }

    /**
     * Greets a person who was just logged (by face, or through the PIN keypad): the greeting, the recorded time, the
     * chime. Call on the FX thread.
     */
    public void greet(KioskUpdate.CheckIn c) {
        greetings++;
        setBanner(BannerKind.WELCOME, Greeting.of(c.out(), c.greetingName(), c.at().toLocalTime()));
        recordedText.set(Greeting.recorded(c.out(), c.at()));
        greetingTimer.playFromStart();
        Runnable sound = onCheckIn.get();
        if (sound != null) {
            sound.run();
        }
    }

    private void setBanner(BannerKind kind, Text text) {
        if (kind != BannerKind.WELCOME) {
            recordedText.set(Text.NONE);
        }
        bannerKind.set(kind);
        bannerText.set(text);
    }

    public void stop() {
        if (inference != null) {
            inference.close();
            inference = null;
        }
        FrameCapture c = capture.get();
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        greetingTimer.stop();
        stop();
    }

    public ReadOnlyObjectProperty<FrameCapture> captureProperty() {
        return capture.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CaptureState> cameraStateProperty() {
        return cameraState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cameraMissingProperty() {
        return cameraMissing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** Under a greeting, which way and when the check-in was recorded ("Checked in at 08:58"); else empty. */
    public ReadOnlyStringProperty recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    /** The clock of the header: the time and zone check-ins are recorded in. */
    public Clock clock() {
        return clock;
    }

    public ReadOnlyObjectProperty<BannerKind> bannerKindProperty() {
        return bannerKind.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KioskUpdate> lastUpdateProperty() {
        return lastUpdate.getReadOnlyProperty();
    }

    /** The active liveness challenge's instruction while one is pending, else empty. */
    public ReadOnlyStringProperty challengeProperty() {
        return challenge.getReadOnlyProperty();
    }

    /** How the last challenge ended: {@code passed} (and logged), {@code failed}, or empty. */
    public ReadOnlyStringProperty livenessResultProperty() {
        return livenessResult.getReadOnlyProperty();
    }

    /**
     * "Offline — N check-ins waiting" while the database server is unreachable (check-ins are kept on this kiosk
     * and uploaded when it answers), "Back online — uploading N check-ins" until they are; else empty.
     */
    public ReadOnlyStringProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What to do on a logged check-in (default: the chime). */
    public ObjectProperty<Runnable> onCheckInProperty() {
        return onCheckIn;
    }

    /** Frames analysed (updates applied) since start. */
    public long updateCount() {
        return updates;
    }

    /** Greetings shown since start. */
    public int greetingCount() {
        return greetings;
    }
}
