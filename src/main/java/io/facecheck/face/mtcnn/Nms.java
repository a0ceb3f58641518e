package io.facecheck.face.mtcnn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression of the MTCNN reference: overlap by union (IoU) or by the smaller box. */
public final class Nms {
    public enum Method { UNION, MIN }

    private Nms() {
    }

    /** Boxes kept, highest score first: each suppresses the later ones overlapping it by more than {@code threshold}. */
    public static List<Box> apply(List<Box> boxes, double threshold, Method method) {
        List<Box> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(Box::score).reversed());
        List<Box> kept = new ArrayList<>();
        boolean[] gone = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            if (gone[i]) {
                continue;
            }
            Box a = sorted.get(i);
            kept.add(a);
            for (int j = i + 1; j < sorted.size(); j++) {
                if (gone[j]) {
                    continue;
                }
                Box b = sorted.get(j);
                double iw = Math.max(0, Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1()) + 1);
                double ih = Math.max(0, Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1()) + 1);
                double inter = iw * ih;
                double o = method == Method.MIN
                        ? inter / Math.min(a.area(), b.area())
                        : inter / (a.area() + b.area() - inter);
                if (o > threshold) {
                    gone[j] = true;
                }
            }
        }
        return kept;
    }

    public static Method method(String name) {
        return "min".equalsIgnoreCase(name) ? Method.MIN : Method.UNION;
    }
}
