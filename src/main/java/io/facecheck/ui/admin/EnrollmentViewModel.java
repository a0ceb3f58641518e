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
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.binding.StringBinding;
import io.facecheck.config.Messages;
import io.facecheck.ui.I18n;
import io.facecheck.ui.I18n.Text;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
     * @param source  what the sample is recorded as coming from (a file name, or "camera N": stored, not shown)
     * @param problem null when accepted, else the reason it will not be used
     * @param shown   how the list names it to the administrator
     */
    public record SampleItem(String source, Path file, RgbImage image, Text problem, Text shown) {
        public boolean ok() {
            return problem == null;
        }

        /** The line the wizard's list shows: the sample and its verdict, in the current language. */
        public Text verdict() {
            return ok() ? Text.of("admin.enroll.sample.good", shown.get())
                    : Text.of("admin.enroll.sample.bad", shown.get(), problem.get());
        }

        @Override
        public String toString() {
            return verdict().get();
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
    private final ObjectProperty<Text> status = new SimpleObjectProperty<>(Text.NONE);
    private final StringBinding statusText = I18n.text(status);
    private final ObjectProperty<Text> warning = new SimpleObjectProperty<>(Text.NONE);
    private final StringBinding warningText = I18n.text(warning);
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
                        p.update((double) i / files.size(), f.getFileName().toString());
                        EnrollmentService.Analysis a = svc.analyse(f);
                        out.add(new SampleItem(f.getFileName().toString(), f, null, problem(a),
                                Text.verbatim(f.getFileName().toString())));
                    }
                    return out;
                })
                .onRunning(() -> {
                    busy.set(true);
                    warning.set(Text.NONE);
                })
                .onProgress((f, m) -> {
                    progress.set(f);
                    status.set(Text.of("admin.enroll.checking", m));
                })
                .onSuccess(items -> {
                    samples.addAll(items);
                    status.set(summary());
                })
                .onFailure(e -> status.set(Text.of("admin.enroll.error.photos", e.getMessage())))
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
            status.set(Text.of("admin.enroll.no-camera"));
            return;
        }
        int shot = ++cameraShots;
        String source = "camera " + shot;
        BackgroundTask.wrap(() -> {
                    RgbImage img = f.toRgbImage();
                    return new SampleItem(source, null, img, problem(services.engine().enrollment().analyse(img, source)),
                            Text.of("admin.enroll.camera-shot", shot));
                })
                .onRunning(() -> busy.set(true))
                .onSuccess(item -> {
                    samples.add(item);
                    status.set(summary());
                })
                .onFailure(e -> status.set(Text.of("admin.enroll.error.picture", e.getMessage())))
                .onFinished(() -> busy.set(false))
                .executeWith(executor);
    }

    private static Text problem(EnrollmentService.Analysis a) {
        if (a.accepted()) {
            return null;
        }
        Text r = reason(a.rejection().reason());
        String detail = a.rejection().detail();
        return detail == null || detail.isBlank() ? r : Text.of("admin.enroll.reason.with-detail", r.get(), detail);
    }

    /**
     * The administrator's words for a rejection reason code ({@code no_face}, {@code blurry}, …: the enrollment
     * service's and the quality gate's); a code without words of its own is shown as it is.
     */
    static Text reason(String code) {
        String key = "admin.enroll.reason." + code;
        return Messages.bundle(java.util.Locale.ENGLISH).containsKey(key) ? Text.of(key) : Text.verbatim(code.replace('_', ' '));
    }

    private Text summary() {
        int n = good.get();
        return n < TARGET_SAMPLES ? Text.of("admin.enroll.summary.few", n, TARGET_SAMPLES)
                : Text.of("admin.enroll.summary", n);
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
            status.set(Text.of("admin.enroll.error.required"));
            return;
        }
        List<SampleItem> use = samples.stream().filter(SampleItem::ok).toList();
        if (use.isEmpty()) {
            status.set(Text.of("admin.enroll.error.no-sample"));
            return;
        }
        String dept = department.get().isBlank() ? null : department.get().strip();
        BackgroundTask.withProgress(p -> {
                    p.update(-1, "");
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
                    warning.set(Text.NONE);
                })
                .onProgress((f, m) -> status.set(Text.of("admin.enroll.saving")))
                .onSuccess(r -> {
                    if (r.duplicate() != null) {
                        EnrollmentService.Duplicate d = r.duplicate();
                        warning.set(Text.of("admin.enroll.duplicate", d.name(), d.code(), d.distance()));
                        status.set(Text.of("admin.enroll.not-saved.duplicate"));
                    } else if (r.notOnePerson() != null) {
                        warning.set(notOnePerson(r.notOnePerson()));
                        status.set(Text.of("admin.enroll.not-saved.not-one-person"));
                    } else if (r.enrolled()) {
                        status.set(Text.of("admin.enroll.enrolled", n, c, r.added()));
                        onEnrolled.accept(c);
                    } else if (r.rejected().isEmpty()) {
                        status.set(Text.of("admin.enroll.not-saved.no-sample"));
                    } else {
                        status.set(Text.of("admin.enroll.not-saved.no-sample-because",
                                reason(r.rejected().get(0).reason()).get()));
                    }
                })
                .onFailure(e -> status.set(Text.of("admin.enroll.error.failed", e.getMessage())))
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

    /** What the wizard last did, in the current language. */
    public StringBinding statusProperty() {
        return statusText;
    }

    /** Why the last save was refused (a duplicate, or samples of more than one person); empty when it was not. */
    public StringBinding warningProperty() {
        return warningText;
    }

    /** The photos that disagree, each named with what it was compared with, in the administrator's language. */
    private static Text notOnePerson(EnrollmentService.NotOnePerson p) {
        String person = p.enrolledAs() == null ? Messages.get("admin.enroll.mismatch.others")
                : Messages.get("admin.enroll.mismatch.enrolled", p.code(), p.enrolledAs());
        List<String> each = new ArrayList<>();
        for (EnrollmentService.Mismatch m : p.photos()) {
            each.add(Messages.get("admin.enroll.mismatch", m.file(), person, m.closest(), m.distance()));
        }
        return Text.of("admin.enroll.not-one-person", String.join(Messages.get("admin.common.list-separator"), each),
                p.threshold());
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }
}
