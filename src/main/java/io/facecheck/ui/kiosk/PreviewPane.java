package io.facecheck.ui.kiosk;

import io.facecheck.camera.FrameCapture;
import io.facecheck.camera.VideoFrame;
import io.facecheck.face.BoundingBox;
import io.facecheck.ui.UiFonts;
import io.facecheck.ui.I18n;
import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * The mirrored live picture with face boxes and names on top. Each FX pulse it copies the capture's newest
 * frame (if new) into one reused {@link PixelBuffer}; a new buffer is made only when the frame size changes.
 * The picture is mirrored by the node's transform (free on the GPU); the overlay is drawn unmirrored with
 * mirrored coordinates so that names read normally.
 */
public final class PreviewPane extends Region {
    private final ImageView view = new ImageView();
    private final Canvas overlay = new Canvas();
    private final ObservableValue<FrameCapture> capture;
    private final ObservableValue<KioskUpdate> update;
    private PixelBuffer<IntBuffer> pixels;
    private WritableImage image;
    private long shownSequence;
    private long shownFrames;
    private long firstShownNanos;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PreviewPane.class);
    private static final long REPORT_NANOS = 30_000_000_000L;
    private long lastReport;
    /** Redraws the names and hints in the new language at once rather than at the next analysed frame. */
    private final InvalidationListener onLanguage = o -> drawOverlay();

    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            showNewest();
            if (now - lastReport > REPORT_NANOS) {
                lastReport = now;
                FrameCapture c = capture.getValue();
                if (c != null && shownFrames > 1) {
                    LOG.info("preview of {}: {} fps shown, {} frames captured", c.source().describe(),
                            String.format(java.util.Locale.ROOT, "%.1f", displayedFps()), c.capturedCount());
                }
            }
        }
    };

    public PreviewPane(ObservableValue<FrameCapture> capture, ObservableValue<KioskUpdate> update) {
        this.capture = capture;
        this.update = update;
        getStyleClass().add("preview");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setScaleX(-1);
        view.setId("preview-image");
        overlay.setMouseTransparent(true);
        getChildren().addAll(view, overlay);
        update.addListener((o, a, b) -> drawOverlay());
        I18n.locale().addListener(new WeakInvalidationListener(onLanguage));
        capture.addListener((o, a, b) -> {
            shownSequence = 0;
            shownFrames = 0;
        });
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                pulse.stop();
            } else {
                pulse.start();
            }
        });
    }

    private void showNewest() {
        FrameCapture c = capture.getValue();
        VideoFrame f = c == null ? null : c.latest();
        if (f == null || f.sequence() == shownSequence) {
            return;
        }
        if (pixels == null || pixels.getWidth() != f.width() || pixels.getHeight() != f.height()) {
            IntBuffer buf = ByteBuffer.allocateDirect(f.width() * f.height() * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
            pixels = new PixelBuffer<>(f.width(), f.height(), buf, PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(pixels);
            view.setImage(image);
            requestLayout();
        }
        pixels.updateBuffer(pb -> {
            IntBuffer b = pb.getBuffer();
            b.clear();
            b.put(f.argb()); // opaque pixels: premultiplied and straight ARGB are the same
            b.flip();
            return null;
        });
        if (shownFrames++ == 0) {
            firstShownNanos = System.nanoTime();
        }
        shownSequence = f.sequence();
    }

    /** Frames drawn per second since the source started (for the status line and the benchmark). */
    public double displayedFps() {
        double s = (System.nanoTime() - firstShownNanos) / 1e9;
        return shownFrames < 2 || s <= 0 ? 0 : (shownFrames - 1) / s;
    }

    public long shownSequence() {
        return shownSequence;
    }

    /** The image the preview renders into (the same instance frame after frame). */
    public WritableImage image() {
        return image;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (image != null) {
            double s = Math.min(w / image.getWidth(), h / image.getHeight());
            double dw = image.getWidth() * s;
            double dh = image.getHeight() * s;
            view.setFitWidth(dw);
            view.setFitHeight(dh);
            view.relocate((w - dw) / 2, (h - dh) / 2);
        }
        overlay.setWidth(w);
        overlay.setHeight(h);
        drawOverlay();
    }

    private static double labelWidth(String label, Font font) {
        Text t = new Text(label);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        KioskUpdate u = update.getValue();
        if (u == null || u.faces().isEmpty() || u.frameWidth() <= 0) {
            return;
        }
        double w = getWidth();
        double h = getHeight();
        double s = Math.min(w / u.frameWidth(), h / u.frameHeight());
        double ox = (w - u.frameWidth() * s) / 2;
        double oy = (h - u.frameHeight() * s) / 2;
        double fontSize = Math.max(14, Math.min(32, h / 28));
        Font font = UiFonts.greeting(fontSize);
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        for (KioskFace f : u.faces()) {
            BoundingBox b = f.box();
            double x = ox + (u.frameWidth() - b.right()) * s; // mirrored
            double y = oy + b.y() * s;
            Color c = switch (f.kind()) {
                case KNOWN -> Color.web("#2ecc71");
                case UNKNOWN -> Color.web("#e74c3c");
                case POOR -> Color.web("#f1c40f");
            };
            g.setStroke(c);
            g.setLineWidth(Math.max(2, h / 240));
            g.strokeRoundRect(x, y, b.width() * s, b.height() * s, 12, 12);
            String label = f.label().get();
            if (!label.isEmpty()) {
                double tx = x + b.width() * s / 2;
                double ty = Math.max(fontSize + 4, y - 6);
                g.setFill(Color.color(0, 0, 0, 0.55));
                double tw = labelWidth(label, font) + 16; // 王芳 is two em wide, not 1.2
                g.fillRoundRect(tx - tw / 2, ty - fontSize - 6, tw, fontSize + 10, 10, 10);
                g.setFill(c);
                g.fillText(label, tx, ty);
            }
        }
    }
}
