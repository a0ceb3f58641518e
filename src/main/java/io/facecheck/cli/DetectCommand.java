package io.facecheck.cli;

import io.facecheck.face.DetectedFace;
import io.facecheck.face.Face;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.Point;
import io.facecheck.face.RgbImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/** {@code facecheck detect IMG}: faces with boxes, scores, landmarks and quality. */
@Command(name = "detect", mixinStandardHelpOptions = true)
final class DetectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "IMG", descriptionKey = "help.detect.img")
    Path image;

    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "help.detect.out")
    Path out;

    @Option(names = "--json", descriptionKey = "help.detect.json")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        if (out != null) {
            OutputFiles.imageFormat("--out", out);
        }
        RgbImage img = EngineOptions.load(new ImageLoader(), image);
        List<Face> faces;
        String detectorName;
        try (FaceEngine engine = engineOptions.open()) {
            // detection and the quality verdict only: no embedding is shown, so none is computed
            faces = new ArrayList<>();
            for (DetectedFace d : engine.detector().detect(img)) {
                faces.add(new Face(d, engine.quality().assess(img, d), null, null, OptionalDouble.empty()));
            }
            detectorName = engine.detector().name();
        }
        if (out != null) {
            writeAnnotated(img, faces, out);
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", image.toString());
            doc.put("width", img.width());
            doc.put("height", img.height());
            doc.put("detector", detectorName);
            List<Object> list = new ArrayList<>();
            for (Face f : faces) {
                list.add(faceJson(f));
            }
            doc.put("faces", list);
            Json.print(doc);
        } else {
            CliMessages.out("cli.detect.faces", image, faces.size(), img.width() + "x" + img.height(), detectorName);
            int i = 0;
            for (Face f : faces) {
                var b = f.detection().box();
                // field=value, as in the JSON: the same in every language
                System.out.printf(Locale.ROOT, "  #%d box x=%.0f y=%.0f w=%.0f h=%.0f score=%.3f quality=%s%n", i++,
                        b.x(), b.y(), b.width(), b.height(), f.detection().score(),
                        f.quality().ok() ? "ok" : String.join(",", f.quality().issueCodes()));
            }
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> faceJson(Face f) {
        Map<String, Object> m = new LinkedHashMap<>();
        var b = f.detection().box();
        m.put("box", Map.of("x", b.x(), "y", b.y(), "width", b.width(), "height", b.height()));
        m.put("score", f.detection().score());
        List<double[]> lm = new ArrayList<>();
        for (Point p : f.detection().landmarks5()) {
            lm.add(new double[] {p.x(), p.y()});
        }
        m.put("landmarks", lm);
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("ok", f.quality().ok());
        q.put("issues", f.quality().issueCodes());
        q.put("faceSize", f.quality().faceSize());
        q.put("sharpness", f.quality().sharpness());
        q.put("yawDeg", f.quality().yawDeg());
        q.put("pitchDeg", f.quality().pitchDeg());
        m.put("quality", q);
        return m;
    }

    private static void writeAnnotated(RgbImage img, List<Face> faces, Path out) {
        BufferedImage bi = img.toBufferedImage();
        Graphics2D g = bi.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        float stroke = Math.max(2f, img.width() / 300f);
        g.setStroke(new BasicStroke(stroke));
        for (Face f : faces) {
            var b = f.detection().box();
            g.setColor(f.quality().ok() ? new Color(0x2e, 0xcc, 0x71) : new Color(0xf3, 0x9c, 0x12));
            g.drawRect((int) Math.round(b.x()), (int) Math.round(b.y()), (int) Math.round(b.width()),
                    (int) Math.round(b.height()));
            g.setColor(Color.RED);
            int r = Math.round(stroke * 1.5f);
            for (Point p : f.detection().landmarks5()) {
                g.fillOval((int) Math.round(p.x()) - r, (int) Math.round(p.y()) - r, 2 * r, 2 * r);
            }
        }
        g.dispose();
        OutputFiles.writeImage("--out", bi, out);
    }
}
