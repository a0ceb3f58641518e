package io.facecheck.eval;

import io.facecheck.fonts.BundledFont;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws ROC curves (true-accept rate against false-accept rate) as a PNG with Java2D, no chart library. The FAR
 * axis is logarithmic from 1e-4 to 1 because the operating points that matter for access control (1e-2, 1e-3)
 * would be squeezed into the left edge of a linear plot; points with FAR 0 are drawn at the left edge. Text is in
 * the bundled font, so that a title or curve named in Chinese or Japanese is not drawn as boxes.
 */
public final class RocChart {

    private static final double MIN_FAR = 1e-4;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private RocChart() {
    }

    /** Renders one curve per entry (legend = key, in map iteration order). */
    public static BufferedImage render(Map<String, List<RocPoint>> curves, String title, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int left = 70, right = 20, top = 40, bottom = 55;
            int pw = width - left - right, ph = height - top - bottom;
            g.setFont(BundledFont.awt(Font.PLAIN, 12));
            FontMetrics fm = g.getFontMetrics();
            // grid and ticks
            for (int e = -4; e <= 0; e++) {
                int x = left + (int) Math.round(xFrac(Math.pow(10, e)) * pw);
                g.setColor(new Color(0xdddddd));
                g.drawLine(x, top, x, top + ph);
                g.setColor(Color.DARK_GRAY);
                String s = e == 0 ? "1" : "1e" + e;
                g.drawString(s, x - fm.stringWidth(s) / 2, top + ph + 16);
            }
            for (int i = 0; i <= 10; i += 2) {
                double tar = i / 10.0;
                int y = top + ph - (int) Math.round(tar * ph);
                g.setColor(new Color(0xdddddd));
                g.drawLine(left, y, left + pw, y);
                g.setColor(Color.DARK_GRAY);
                String s = String.format(Locale.ROOT, "%.1f", tar);
                g.drawString(s, left - 8 - fm.stringWidth(s), y + 4);
            }
            g.setColor(Color.BLACK);
            g.drawRect(left, top, pw, ph);
            String xl = "false accept rate (log)", yl = "true accept rate";
            g.drawString(xl, left + (pw - fm.stringWidth(xl)) / 2, height - 12);
            Graphics2D gy = (Graphics2D) g.create();
            gy.rotate(-Math.PI / 2);
            gy.drawString(yl, -(top + (ph + fm.stringWidth(yl)) / 2), 18);
            gy.dispose();
            g.setFont(BundledFont.awt(Font.BOLD, 14));
            g.drawString(title, left, 24);
            // curves
            g.setFont(BundledFont.awt(Font.PLAIN, 12));
            int c = 0;
            for (Map.Entry<String, List<RocPoint>> e : curves.entrySet()) {
                Color col = PALETTE[c % PALETTE.length];
                g.setColor(col);
                g.setStroke(new BasicStroke(2f));
                Path2D.Double path = new Path2D.Double();
                boolean first = true;
                for (RocPoint p : e.getValue()) {
                    double x = left + xFrac(p.far()) * pw, y = top + ph - p.tar() * ph;
                    if (first) {
                        path.moveTo(x, y);
                        first = false;
                    } else {
                        path.lineTo(x, y);
                    }
                }
                g.draw(path);
                int ly = top + ph - 12 - 18 * (curves.size() - 1 - c);
                g.fillRect(left + pw - 190, ly - 8, 14, 4);
                g.setColor(Color.BLACK);
                g.drawString(e.getKey(), left + pw - 170, ly - 2);
                c++;
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Horizontal position in [0, 1] of a FAR on the log axis. */
    static double xFrac(double far) {
        double f = Math.max(MIN_FAR, Math.min(1, far));
        return (Math.log10(f) - Math.log10(MIN_FAR)) / -Math.log10(MIN_FAR);
    }

    /**
     * Writes the chart as a PNG, via a temporary file in the same folder moved into place, so a failed write
     * never leaves a half-written image behind.
     */
    public static void write(Map<String, List<RocPoint>> curves, String title, Path png) throws IOException {
        BufferedImage img = render(curves, title, 800, 600);
        ChartFiles.writeAtomically(png, f -> {
            if (!ImageIO.write(img, "png", f.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
