import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;

/**
 * Draws FaceCheck's application icon with Java2D: a face outline in the kiosk's dark colours with a green check
 * mark. Run at build time by installer/build.sh (single-file source launch, no compilation step):
 * {@code java -Djava.awt.headless=true installer/Icon.java OUT.png SIZE}.
 */
public final class Icon {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java installer/Icon.java OUT.png SIZE");
            System.exit(1);
        }
        int size = Integer.parseInt(args[1]);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);

        // rounded tile in the kiosk's background colours
        g.setPaint(new GradientPaint(0, 0, new Color(0x22, 0x2b, 0x36), 0, 256, new Color(0x0d, 0x11, 0x17)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        // the camera's view: corner brackets
        g.setColor(new Color(0x1f, 0x6f, 0xeb));
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int a = 40;
        int b = 216;
        int l = 34;
        g.drawPolyline(new int[] {a, a, a + l}, new int[] {a + l, a, a}, 3);
        g.drawPolyline(new int[] {b - l, b, b}, new int[] {a, a, a + l}, 3);
        g.drawPolyline(new int[] {a, a, a + l}, new int[] {b - l, b, b}, 3);
        g.drawPolyline(new int[] {b - l, b, b}, new int[] {b, b, b - l}, 3);

        // a face: head, eyes, smile
        g.setColor(new Color(0xe6, 0xed, 0xf3));
        g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Ellipse2D.Double(76, 62, 104, 124));
        g.fill(new Ellipse2D.Double(102, 106, 14, 14));
        g.fill(new Ellipse2D.Double(140, 106, 14, 14));
        g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Arc2D.Double(104, 122, 48, 36, 200, 140, Arc2D.OPEN));

        // the check mark on a green badge
        g.setColor(new Color(0x2e, 0xa0, 0x43));
        g.fill(new Ellipse2D.Double(150, 150, 76, 76));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(11, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D check = new Path2D.Double();
        check.moveTo(168, 189);
        check.lineTo(182, 203);
        check.lineTo(208, 172);
        g.draw(check);
        g.dispose();
        File out = new File(args[0]);
        if (!ImageIO.write(img, "png", out)) {
            throw new IllegalStateException("no PNG writer");
        }
    }
}
