package io.facecheck.ui.kiosk;

import io.facecheck.camera.CaptureState;
import io.facecheck.config.Messages;
import io.facecheck.ui.I18n;
import io.facecheck.ui.I18n.Text;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.io.File;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kiosk screen: header with clock, mirrored preview with overlay, greeting/guidance banner. */
public final class KioskView extends BorderPane {

    private final PreviewPane preview;
    private final Timeline clockTimer;

    public KioskView(KioskViewModel vm, Runnable openAdmin) {
        this(vm, openAdmin, null);
    }

    /** @param pin the PIN keypad ("Use PIN" in the header), or null when the PIN fallback is off */
    public KioskView(KioskViewModel vm, Runnable openAdmin, PinPadViewModel pin) {
        getStyleClass().add("kiosk");
        setId("kiosk");

        Label title = new Label();
        title.textProperty().bind(I18n.text("app.name"));
        title.getStyleClass().add("kiosk-title");
        Label clock = new Label();
        clock.getStyleClass().add("kiosk-clock");
        clock.setId("kiosk-clock");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button admin = new Button();
        admin.textProperty().bind(I18n.text("kiosk.admin"));
        admin.setId("open-admin");
        admin.getStyleClass().add("kiosk-admin-button");
        admin.setFocusTraversable(false);
        admin.setOnAction(e -> openAdmin.run());
        Label problem = new Label();
        problem.setId("kiosk-error");
        problem.getStyleClass().add("kiosk-error");
        problem.setWrapText(true); // a database server that cannot be reached takes a sentence or two
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.textProperty().bind(vm.errorProperty());
        problem.visibleProperty().bind(vm.errorProperty().isNotEmpty().and(vm.cameraMissingProperty().not()));
        problem.managedProperty().bind(problem.visibleProperty());
        // a longer language must not cut words off: the name and the button keep their width, and the clock, the
        // longest, breaks between date and time when the header has no room for both on one line
        title.setMinWidth(Region.USE_PREF_SIZE);
        admin.setMinWidth(Region.USE_PREF_SIZE);
        clock.setWrapText(true);
        clock.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
        clock.setMinHeight(Region.USE_PREF_SIZE);
        HBox header = new HBox(16, title, spacer, clock, admin);
        if (pin != null) {
            Button usePin = new Button();
            usePin.textProperty().bind(I18n.text("pin.use"));
            usePin.setId("use-pin");
            usePin.getStyleClass().add("kiosk-pin-button");
            usePin.setMinWidth(Region.USE_PREF_SIZE);
            usePin.setMinHeight(56); // a fingertip's target on a touch screen
            usePin.setStyle("-fx-font-size: 20px;");
            usePin.setFocusTraversable(false);
            usePin.setOnAction(e -> pin.open());
            header.getChildren().add(header.getChildren().indexOf(admin), usePin);
        }
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("kiosk-header");
        Label offline = new Label();
        offline.setId("offline-banner");
        offline.getStyleClass().add("offline-banner");
        offline.setMaxWidth(Double.MAX_VALUE);
        offline.setAlignment(Pos.CENTER);
        offline.textProperty().bind(vm.offlineProperty());
        offline.visibleProperty().bind(vm.offlineProperty().isNotEmpty());
        offline.managedProperty().bind(offline.visibleProperty());
        setTop(new VBox(header, offline, problem));

        preview = new PreviewPane(vm.captureProperty(), vm.lastUpdateProperty());
        preview.setId("preview");

        Label missing = new Label();
        missing.setId("camera-message");
        missing.getStyleClass().add("camera-message");
        missing.setWrapText(true);
        missing.textProperty().bind(I18n.format(() -> cameraText(vm.cameraStateProperty().get()).get(),
                vm.cameraStateProperty()));
        ComboBox<String> sources = new ComboBox<>();
        sources.setId("camera-choice");
        sources.setEditable(true);
        sources.promptTextProperty().bind(I18n.text("kiosk.camera.prompt"));
        sources.setPrefWidth(420);
        sources.setOnShowing(e -> sources.getItems().setAll(localCameras()));
        sources.getItems().setAll(localCameras());
        Button choose = new Button();
        choose.textProperty().bind(I18n.text("kiosk.camera.choose"));
        choose.setId("choose-camera");
        choose.setDefaultButton(true);
        choose.setOnAction(e -> {
            String spec = sources.getEditor().getText();
            if (spec == null || spec.isBlank()) {
                spec = sources.getValue();
            }
            vm.useCamera(spec == null ? "" : spec);
        });
        Label err = new Label();
        err.getStyleClass().add("error-text");
        err.textProperty().bind(vm.errorProperty());
        Label noCameraTitle = new Label();
        noCameraTitle.textProperty().bind(I18n.text("kiosk.camera.none"));
        VBox noCamera = new VBox(14, noCameraTitle, missing, new HBox(8, sources, choose), err);
        noCamera.getStyleClass().add("no-camera");
        noCamera.setId("no-camera");
        noCamera.setAlignment(Pos.CENTER);
        noCamera.setMaxSize(640, 300);
        noCamera.visibleProperty().bind(vm.cameraMissingProperty());
        noCamera.managedProperty().bind(noCamera.visibleProperty());

        StackPane center = new StackPane(preview, noCamera);
        if (pin != null) {
            center.getChildren().add(new PinPadView(pin));
            center.setMinSize(0, 0); // an overlay: it never pushes the header or the banner off the screen
        }
        center.getStyleClass().add("kiosk-center");
        setCenter(center);

        Label banner = new Label();
        banner.setId("banner");
        banner.getStyleClass().add("banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setAlignment(Pos.CENTER);
        banner.textProperty().bind(vm.bannerProperty());
        Label recorded = new Label();
        recorded.setId("banner-recorded");
        recorded.getStyleClass().add("banner-recorded");
        recorded.textProperty().bind(vm.recordedProperty());
        // the line under a greeting, in the greeting's coloured box: the banner's graphic while there is one (a skin
        // does not notice a graphic that only turns managed, so the graphic itself comes and goes)
        banner.graphicProperty().bind(Bindings.when(vm.recordedProperty().isEmpty()).then((Node) null)
                .otherwise(recorded));
        banner.setContentDisplay(ContentDisplay.BOTTOM);
        vm.bannerKindProperty().addListener((o, a, k) -> {
            banner.getStyleClass().removeAll("banner-welcome", "banner-unknown", "banner-guidance", "banner-challenge");
            switch (k) {
                case WELCOME -> banner.getStyleClass().add("banner-welcome");
                case UNKNOWN -> banner.getStyleClass().add("banner-unknown");
                case GUIDANCE -> banner.getStyleClass().add("banner-guidance");
                case CHALLENGE -> banner.getStyleClass().add("banner-challenge");
                default -> { }
            }
        });
        Label hint = new Label();
        hint.textProperty().bind(I18n.text("kiosk.hint"));
        hint.getStyleClass().add("kiosk-hint");
        hint.visibleProperty().bind(vm.bannerProperty().isEmpty());
        StackPane bottom = new StackPane(hint, banner);
        bottom.getStyleClass().add("kiosk-bottom");
        setBottom(bottom);

        ObjectProperty<LocalDateTime> now = new SimpleObjectProperty<>(LocalDateTime.now(vm.clock()));
        clock.textProperty().bind(I18n.format(() -> clockText(now.get(), Messages.locale()), now));
        clockTimer = new Timeline(new KeyFrame(Duration.seconds(1), e -> now.set(LocalDateTime.now(vm.clock()))));
        clockTimer.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                clockTimer.stop();
            } else {
                clockTimer.play();
            }
        });
    }

    /**
     * The header's date and time in {@code locale}: each language's own pattern from the bundles
     * ({@code kiosk.clock.date}, e.g. 2026年3月2日 星期一, 2026年3月2日(月), Monday 2 March 2026) and the time.
     */
    public static String clockText(LocalDateTime t, Locale locale) {
        return Messages.dateTimeFormatter(locale, "kiosk.clock.date").format(t) + "  "
                + Messages.dateTimeFormatter(locale, "kiosk.clock.time").format(t);
    }

    /** What the no-camera panel says about the capture's state (the source named, the words translated). */
    static Text cameraText(CaptureState s) {
        if (s == null) {
            return Text.NONE;
        }
        return switch (s.status()) {
            case STARTING -> Text.of("kiosk.camera.starting", s.source());
            case NO_CAMERA -> Text.of("kiosk.camera.missing", s.source());
            case RECONNECTING -> Text.of("camera.disconnected", s.source());
            case ENDED -> Text.of("kiosk.camera.ended", s.source());
            case PLAYING, STOPPED -> Text.NONE;
        };
    }

    public PreviewPane preview() {
        return preview;
    }

    /** Camera devices present on this machine (Linux /dev/video*), else index 0. */
    static List<String> localCameras() {
        List<String> out = new ArrayList<>();
        File[] devs = new File("/dev").listFiles((d, n) -> n.startsWith("video"));
        if (devs != null) {
            Arrays.stream(devs).map(File::getPath).sorted().forEach(out::add);
        }
        if (out.isEmpty()) {
            out.add("0");
        }
        return out;
    }
}
