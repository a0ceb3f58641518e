package io.facecheck.ui.admin;

import io.facecheck.attendance.EnrollmentService;
import io.facecheck.camera.FrameCapture;
import io.facecheck.camera.VideoFrame;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.RgbImage;
import io.facecheck.ui.AppServices;
import io.facecheck.ui.BackgroundTask;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The enrollment wizard: who (code, name, department), then samples — from the live camera or from photo
 * files — each checked at once by the quality gate, then save. A face that matches another employee, or samples
 * that do not show one person, are refused with a warning naming them (the enrollment service's rules, the same as
 * the command line's); the administrator may then save anyway or change the samples.
 */
public final class EnrollmentViewModel {
    /** Good samples the wizard asks for from the camera. */
    public static final int TARGET_SAMPLES = 5;

    /**
     * One sample: where it came from, the picture (camera) or file, and the quality verdict.
     *
     * @param problem null when accepted, else the reason it will not be used
     */
    public record SampleItem(String source, Path file, RgbImage image, String problem) {
        public boolean ok() {
            return problem == null;
        }

        @Override
        public String toString() {
            return source + (ok() ? " — good" : " — " + problem);
        }
    }

    private final AppServices services;
    private final String actor;
    private final Executor executor;
    private final javafx.beans.property.ReadOnlyObjectWrapper<FrameCapture> camera = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final Consumer<String> onEnrolled;
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty department = new SimpleStringProperty("");
    private final ObservableList<SampleItem> samples = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final IntegerBinding good = Bindings.createIntegerBinding(
            () -> (int) samples.stream().filter(SampleItem::ok).count(), samples);
    private int cameraShots;

    /**
     * @param camera     the live camera to take samples from (null when there is none)
     * @param onEnrolled called with the code after a successful save, on the FX thread
     */
    public EnrollmentViewModel(AppServices services, String actor, Executor executor, FrameCapture camera,
                               Consumer<String> onEnrolled) {
        this.services = services;
        this.actor = actor;
        this.executor = executor;
        this.camera.set(camera);
        this.onEnrolled = onEnrolled;
    }

    /** Checks photo files (in the background, with progress) and adds them as samples. */
    public void addFiles(List<Path> files) {
        BackgroundTask.<List<SampleItem>>withProgress(p -> {
                    EnrollmentService svc = services.engine().enrollment();
                    List<SampleItem> out = new ArrayList<>();
                    for (int i = 0; i < files.size(); i++) {
                        Path f = files.get(i);
                        p.update((double) i / files.size(), "Checking " + f.getFileName());
                        EnrollmentService.Analysis a = svc.analyse(f);
                        out.add(new SampleItem(f.getFileName().toString(), f, null, problem(a)));
                    }
                    return out;
                })
                .onRunning(() -> {
                    busy.set(true);
                    warning.set("");
                })
                .onProgress((f, m) -> {
                    progress.set(f);
                    status.set(m);
                })
                .onSuccess(items -> {
                    samples.addAll(items);
                    status.set(summary());
                })
                .onFailure(e -> status.set("Cannot check the photos: " + e.getMessage()))
                .onFinished(() -> {
                    busy.set(false);
                    progress.set(-1);
                })
                .executeWith(executor);
    }

    /** Takes the camera's newest frame as a sample and checks it. */
    public void capture() {
        FrameCapture c = camera.get();
        VideoFrame f = c == null ? null : c.latest();
        if (f == null) {
            status.set("No camera picture — choose a working camera on the kiosk screen, or add photo files");
            return;
        }
        String source = "camera " + (++cameraShots);
        BackgroundTask.wrap(() -> {
                    RgbImage img = f.toRgbImage();
                    return new SampleItem(source, null, img, problem(services.engine().enrollment().analyse(img, source)));
                })
                .onRunning(() -> busy.set(true))
                .onSuccess(item -> {
                    samples.add(item);
                    status.set(summary());
                })
                .onFailure(e -> status.set("Cannot check the picture: " + e.getMessage()))
                .onFinished(() -> busy.set(false))
                .executeWith(executor);
    }

    private static String problem(EnrollmentService.Analysis a) {
        if (a.accepted()) {
            return null;
        }
        String r = a.rejection().reason().replace('_', ' ');
        return a.rejection().detail() == null || a.rejection().detail().isBlank() ? r : r + " (" + a.rejection().detail() + ")";
    }

    private String summary() {
        int n = good.get();
        return n + " good sample" + (n == 1 ? "" : "s") + (n < TARGET_SAMPLES ? " — " + TARGET_SAMPLES + " recommended" : "");
    }

    public void removeSample(SampleItem s) {
        samples.remove(s);
        status.set(summary());
    }

    /** Saves; refused (a duplicate, or samples of more than one person) unless {@code force}. */
    public void save(boolean force) {
        String c = code.get().strip();
        String n = name.get().strip();
        if (c.isEmpty() || n.isEmpty()) {
            status.set("Code and name are required");
            return;
        }
        List<SampleItem> use = samples.stream().filter(SampleItem::ok).toList();
        if (use.isEmpty()) {
            status.set("Add at least one good sample");
            return;
        }
        String dept = department.get().isBlank() ? null : department.get().strip();
        BackgroundTask.withProgress(p -> {
                    p.update(-1, "Saving…");
                    ImageLoader loader = new ImageLoader();
                    List<RgbImage> images = new ArrayList<>();
                    List<String> sources = new ArrayList<>();
                    for (SampleItem s : use) {
                        images.add(s.image() != null ? s.image() : loader.load(s.file()));
                        sources.add(s.source());
                    }
                    return services.engine().enrollment().enrollImages(c, n, dept, images, sources,
                            new EnrollmentService.Options(force, false, actor));
                })
                .onRunning(() -> {
                    busy.set(true);
                    warning.set("");
                })
                .onProgress((f, m) -> status.set(m))
                .onSuccess(r -> {
                    if (r.duplicate() != null) {
                        EnrollmentService.Duplicate d = r.duplicate();
                        warning.set(String.format(Locale.ROOT,
                                "This face matches %s (%s) already enrolled (distance %.3f). Same person? Save anyway only if they are different people.",
                                d.name(), d.code(), d.distance()));
                        status.set("Not saved: possible duplicate");
                    } else if (r.notOnePerson() != null) {
                        warning.set(r.notOnePerson().describe()
                                + ". Remove the photos that are not of this person, or save anyway only if they are.");
                        status.set("Not saved: the samples do not show one person");
                    } else if (r.enrolled()) {
                        status.set("Enrolled " + n + " (" + c + ") with " + EnrollmentService.samples(r.added()));
                        onEnrolled.accept(c);
                    } else {
                        status.set("Not saved: no usable sample" + (r.rejected().isEmpty() ? "" : " — " + r.rejected().get(0).reason()));
                    }
                })
                .onFailure(e -> status.set("Cannot enroll: " + e.getMessage()))
                .onFinished(() -> busy.set(false))
                .executeWith(executor);
    }

    /** The camera the samples come from (shown as a live preview in the wizard). */
    public javafx.beans.property.ReadOnlyObjectProperty<FrameCapture> cameraProperty() {
        return camera.getReadOnlyProperty();
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty departmentProperty() {
        return department;
    }

    public ObservableList<SampleItem> samples() {
        return samples;
    }

    public IntegerBinding goodSamples() {
        return good;
    }

    public BooleanBinding canSave() {
        return code.isNotEmpty().and(name.isNotEmpty()).and(good.greaterThan(0)).and(busy.not());
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Why the last save was refused (a duplicate, or samples of more than one person); empty when it was not. */
    public StringProperty warningProperty() {
        return warning;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }
}
