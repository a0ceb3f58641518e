package io.facecheck.attendance;

import io.facecheck.match.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the photos of one enrollment show one person, with the decision threshold the matcher uses. Two faces
 * closer than the threshold are linked, and one person is what links together (single linkage): photos of one
 * person need not all match each other pairwise, which the threshold does not promise even for good photos of
 * one face, but each must match at least one of the others. The samples already enrolled under the code are
 * trusted: they define the person, and a new photo belongs when it is linked to them. Without them, the largest
 * linked group is the person (on a tie, the group of the earliest photo), and the photos outside it disagree.
 */
final class OnePerson {
    /** A face to compare: where it came from and its L2-normalised embedding. */
    record Face(String source, float[] embedding) {
    }

    private OnePerson() {
    }

    /**
     * @param enrolled  the samples already enrolled under the code (may be empty)
     * @param added     the photos of this enrollment
     * @param threshold two faces closer than this (squared L2) are the same person
     * @return the added photos that are not linked to the person, each with the linked face nearest to it; empty
     *         when they all show one person
     */
    static List<EnrollmentService.Mismatch> mismatches(List<Face> enrolled, List<Face> added, double threshold) {
        int n = added.size();
        int[] parent = new int[n + 1]; // index n stands for all the enrolled samples together
        for (int i = 0; i <= n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (distance(added.get(i), added.get(j)) < threshold) {
                    union(parent, i, j);
                }
            }
            for (Face e : enrolled) {
                if (distance(added.get(i), e) < threshold) {
                    union(parent, i, n);
                    break;
                }
            }
        }
        int person = enrolled.isEmpty() ? largestGroup(parent, n) : find(parent, n);
        List<Face> agreeing = new ArrayList<>(enrolled);
        for (int i = 0; i < n; i++) {
            if (find(parent, i) == person) {
                agreeing.add(added.get(i));
            }
        }
        List<EnrollmentService.Mismatch> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (find(parent, i) == person) {
                continue;
            }
            Face f = added.get(i);
            Face closest = null;
            double best = Double.MAX_VALUE;
            for (Face a : agreeing) {
                double d = distance(f, a);
                if (d < best) {
                    best = d;
                    closest = a;
                }
            }
            out.add(new EnrollmentService.Mismatch(f.source(), closest.source(), best));
        }
        return out;
    }

    /** The root of the group with the most photos; on a tie the one holding the earliest photo. */
    private static int largestGroup(int[] parent, int n) {
        int[] size = new int[n + 1];
        for (int i = 0; i < n; i++) {
            size[find(parent, i)]++;
        }
        int best = find(parent, 0);
        for (int i = 1; i < n; i++) {
            int r = find(parent, i);
            if (size[r] > size[best]) {
                best = r;
            }
        }
        return best;
    }

    private static double distance(Face a, Face b) {
        return Vectors.squaredDistance(a.embedding(), b.embedding());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            // the enrolled node (the highest index) stays a root, so find(n) names the person
            parent[Math.min(ra, rb)] = Math.max(ra, rb);
        }
    }
}
