package io.facecheck.app;

import io.facecheck.attendance.EnrollmentService;
import io.facecheck.face.ImageLoadException;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.RgbImage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Enrolls an existing employee from uploaded photos (bytes, not files), through the same rules as
 * {@code facecheck enroll}: each photo must show one face that passes the quality gate, and the accepted ones must
 * show one person who is nobody else already enrolled. Gives a verdict per photo. The face engine is obtained on
 * first use, so a server that never enrolls never loads it.
 */
public final class PhotoEnrollment {
    /** One uploaded photo; {@code name} is the client's file name, used only in verdicts. */
    public record Photo(String name, byte[] bytes) {
    }

    /** What became of one photo: {@code reason} is an enroll reason code ({@code no_face}, {@code blurry}, …). */
    public record Verdict(String photo, boolean accepted, String reason, String detail) {
    }

    /**
     * The outcome. {@code refusal} is set when nothing was written because the faces are another employee's or not
     * one person (then no photo is accepted).
     */
    public record Outcome(String code, int added, List<Verdict> verdicts, String refusal) {
    }

    private final Supplier<EnrollmentService> enrollment;
    private final ImageLoader loader = new ImageLoader();

    public PhotoEnrollment(Supplier<EnrollmentService> enrollment) {
        this.enrollment = enrollment;
    }

    /**
     * Adds the photos' faces to {@code code}'s samples, audited as {@code actor}; {@code NOT_FOUND} when there is no
     * such employee (enrolling here never creates one: POST the employee first).
     */
    public synchronized Outcome enroll(String code, List<Photo> photos, String actor) {
        // synchronized: the engine's networks are not shared between threads, and enrolling is rare
        List<RgbImage> images = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Map<String, Verdict> unreadable = new HashMap<>();
        for (Photo p : photos) {
            try {
                images.add(loader.read(p.bytes(), Path.of("upload")).image());
                sources.add(p.name());
            } catch (ImageLoadException e) {
                unreadable.put(p.name(), new Verdict(p.name(), false, EnrollmentService.UNREADABLE, e.reason()));
            }
        }
        EnrollmentService.Result r = enrollment.get().enrollImages(code, null, null, images, sources,
                EnrollmentService.Options.defaults(actor));
        Map<String, EnrollmentService.Rejection> rejected = new HashMap<>();
        r.rejected().forEach(x -> rejected.put(x.file(), x));
        List<Verdict> verdicts = new ArrayList<>();
        for (Photo p : photos) {
            EnrollmentService.Rejection x = rejected.get(p.name());
            if (unreadable.containsKey(p.name())) {
                verdicts.add(unreadable.get(p.name()));
            } else if (x != null) {
                verdicts.add(new Verdict(p.name(), false, x.reason(), x.detail()));
            } else if (r.refused()) {
                verdicts.add(new Verdict(p.name(), false, r.duplicate() != null ? "duplicate" : "not_one_person",
                        null));
            } else {
                verdicts.add(new Verdict(p.name(), true, null, null));
            }
        }
        String refusal = r.duplicate() != null
                ? "the faces match employee " + r.duplicate().code() + " (" + r.duplicate().name() + ")"
                : r.notOnePerson() != null ? r.notOnePerson().describe() : null;
        return new Outcome(code, r.added(), verdicts, refusal);
    }
}
