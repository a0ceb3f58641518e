package io.facecheck.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Split of a labelled set by <em>identity</em>: every photo of a validation identity is in validation, none of
 * them is ever trained on (a split by image would let the head memorise the validation people).
 *
 * @param training   identities trained on
 * @param validation identities held out
 */
public record IdentitySplit(List<String> training, List<String> validation) {

    public IdentitySplit {
        training = List.copyOf(training);
        validation = List.copyOf(validation);
        Set<String> both = new TreeSet<>(training);
        both.retainAll(validation);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("identities in both training and validation: " + both);
        }
    }

    /**
     * Shuffles the (sorted) identities with {@code seed} and holds out {@code fraction} of them (rounded, at
     * least 2 so validation has impostor pairs, and at least 2 left to train on).
     */
    public static IdentitySplit of(Iterable<String> identities, double fraction, long seed) {
        List<String> ids = new ArrayList<>(new TreeSet<>(toList(identities)));
        if (ids.size() < 4) {
            throw new IllegalArgumentException("need at least 4 identities (2 to train on, 2 to validate), got " + ids.size());
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be between 0 and 1, got " + fraction);
        }
        Collections.shuffle(ids, new Random(seed));
        int nVal = Math.max(2, Math.min(ids.size() - 2, (int) Math.round(ids.size() * fraction)));
        List<String> val = new ArrayList<>(ids.subList(0, nVal));
        List<String> train = new ArrayList<>(ids.subList(nVal, ids.size()));
        Collections.sort(val);
        Collections.sort(train);
        return new IdentitySplit(train, val);
    }

    private static List<String> toList(Iterable<String> it) {
        List<String> l = new ArrayList<>();
        it.forEach(l::add);
        return l;
    }
}
