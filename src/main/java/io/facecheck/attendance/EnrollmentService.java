package io.facecheck.attendance;

import io.facecheck.face.DetectedFace;
import io.facecheck.face.FaceDetector;
import io.facecheck.face.FaceEmbedder;
import io.facecheck.face.ImageLoadException;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.Quality;
import io.facecheck.face.QualityReport;
import io.facecheck.face.RgbImage;
import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;
import io.facecheck.store.Employee;
import io.facecheck.store.EmployeeFields;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.FaceTemplate;
import io.facecheck.store.StoreException;
import io.facecheck.store.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Enrolls people from several photos each. Every photo must show exactly one face that passes the quality gate,
 * or it is rejected with a reason ({@code unreadable}, {@code no_face}, {@code several_faces}, {@code too_small},
 * {@code blurry}, {@code turned_away}, {@code too_dark}, {@code too_bright}). Unless forced, the enrollment is
 * refused when the accepted photos do not show one person (checked against each other and against the samples
 * already enrolled under the code, see {@link OnePerson}), or when at least half of them match one other employee
 * below the threshold. Enrolling never changes an existing employee's name or department: that is an edit of the
 * employee, not of their face. Accepted samples are written with their kept crops and an audit entry in one
 * transaction, then added to the gallery.
 */
public final class EnrollmentService {
    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentService.class);

    /** Reasons a photo is rejected (besides the quality gate's issue codes). */
    public static final String UNREADABLE = "unreadable";
    public static final String NO_FACE = "no_face";
    public static final String SEVERAL_FACES = "several_faces";

    /** Picture file endings taken from a folder. */
    private static final List<String> IMAGE_ENDINGS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".webp");

    /** A photo that was not used, and why. */
    public record Rejection(String file, String reason, String detail) {
    }

    /** A photo that passed: its kept crop and embedding. */
    public record Sample(String source, RgbImage crop, float[] embedding, double quality) {
        @Override
        public String toString() {
            return "Sample[" + source + "]";
        }
    }

    /** Either a sample or a rejection for one photo. */
    public record Analysis(Sample sample, Rejection rejection) {
        public boolean accepted() {
            return sample != null;
        }
    }

    /** Another employee the new face matches. */
    public record Duplicate(String code, String name, double distance, String file) {
    }

    /**
     * A photo that does not show the person the rest of the enrollment shows.
     *
     * @param closest  the agreeing photo (or enrolled sample) nearest to it
     * @param distance its distance to {@code closest}: not below the threshold
     */
    public record Mismatch(String file, String closest, double distance) {
    }

    /**
     * Why an enrollment does not show one person.
     *
     * @param photos     the photos that disagree, in the order given
     * @param code       the code being enrolled
     * @param enrolledAs the employee's name when the photos were compared with their enrolled samples, else null
     * @param threshold  the decision threshold they were compared with
     */
    public record NotOnePerson(List<Mismatch> photos, String code, String enrolledAs, double threshold) {
        /** One sentence naming the photos that disagree and what they were compared with. */
        public String describe() {
            String person = enrolledAs == null ? "the other photos" : code + " (" + enrolledAs + ") as enrolled";
            List<String> each = new ArrayList<>();
            for (Mismatch m : photos) {
                each.add(String.format(Locale.ROOT, "%s does not match %s (closest: %s at distance %.3f)", m.file(),
                        person, m.closest(), m.distance()));
            }
            return "the photos do not show one person: " + String.join("; ", each)
                    + String.format(Locale.ROOT, "; one person is closer than %.3f", threshold);
        }
    }

    /**
     * Outcome of one enrollment.
     *
     * @param employee     the employee as stored, or null when nothing was written
     * @param added        templates added
     * @param rejected     photos not used
     * @param duplicate    set when refused as a duplicate of another employee (nothing written)
     * @param notOnePerson set when refused because the photos do not show one person (nothing written)
     */
    public record Result(String code, Employee employee, int added, List<Rejection> rejected, Duplicate duplicate,
                         NotOnePerson notOnePerson) {
        public boolean enrolled() {
            return employee != null && added > 0;
        }

        /** Refused (nothing written) for what the faces showed; {@code force} would enroll them anyway. */
        public boolean refused() {
            return duplicate != null || notOnePerson != null;
        }
    }

    /**
     * @param force   enroll even when the face matches another employee
     * @param replace drop the employee's earlier samples instead of adding to them
     * @param actor   who does it, for the audit log
     */
    public record Options(boolean force, boolean replace, String actor) {
        public static Options defaults(String actor) {
            return new Options(false, false, actor);
        }
    }

    private final Database db;
    private final EmployeeRepository employees;
    private final TemplateRepository templates;
    private final AuditLog audit;
    private final FaceDetector detector;
    private final FaceEmbedder embedder;
    private final Quality quality;
    private final ImageLoader loader;
    private final GallerySync gallery;
    private final double duplicateThreshold;

    /**
     * @param duplicateThreshold a face closer than this (squared L2) to another employee is a duplicate; normally
     *                           the decision threshold in use (the embedder's card, or the configured override)
     */
    public EnrollmentService(Database db, FaceDetector detector, FaceEmbedder embedder, Quality quality,
                             ImageLoader loader, GallerySync gallery, double duplicateThreshold) {
        if (!gallery.modelId().equals(embedder.modelId())) {
            throw new IllegalArgumentException("gallery holds " + gallery.modelId() + " but the embedder is "
                    + embedder.modelId());
        }
        this.db = db;
        this.employees = new EmployeeRepository(db);
        this.templates = new TemplateRepository(db);
        this.audit = new AuditLog(db);
        this.detector = detector;
        this.embedder = embedder;
        this.quality = quality;
        this.loader = loader;
        this.gallery = gallery;
        this.duplicateThreshold = duplicateThreshold;
    }

    /**
     * Enrolls (or adds samples to) the employee {@code code} from photo files.
     *
     * @param name the employee's name; for an existing code it must be theirs, or null
     * @throws io.facecheck.store.StoreException {@code INVALID} for a code, name or department that cannot be
     *                                           stored, {@code CONFLICT} when the code is someone with another
     *                                           name or department; before any photo is read
     */
    public Result enroll(String code, String name, String department, List<Path> photos, Options options) {
        String c = checkRecord(code, name, department);
        List<Sample> samples = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (Path p : photos) {
            Analysis a = analyse(p);
            if (a.accepted()) {
                samples.add(a.sample());
            } else {
                rejected.add(a.rejection());
            }
        }
        return save(c, name, department, samples, rejected, options);
    }

    /** Enrolls from already captured images (the enrollment wizard's camera samples). */
    public Result enrollImages(String code, String name, String department, List<RgbImage> images,
                               List<String> sources, Options options) {
        String c = checkRecord(code, name, department);
        List<Sample> samples = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Analysis a = analyse(images.get(i), sources.get(i));
            if (a.accepted()) {
                samples.add(a.sample());
            } else {
                rejected.add(a.rejection());
            }
        }
        return save(c, name, department, samples, rejected, options);
    }

    /** Loads and checks one photo. */
    public Analysis analyse(Path photo) {
        RgbImage image;
        try {
            image = loader.load(photo);
        } catch (ImageLoadException e) {
            return new Analysis(null, new Rejection(photo.toString(), UNREADABLE, e.reason()));
        }
        return analyse(image, photo.toString());
    }

    /** Checks one image: exactly one face, passing the quality gate; embeds it. */
    public Analysis analyse(RgbImage image, String source) {
        List<DetectedFace> faces = detector.detect(image);
        if (faces.isEmpty()) {
            return new Analysis(null, new Rejection(source, NO_FACE, "no face found"));
        }
        DetectedFace main = faces.stream().max(Comparator.comparingDouble(f -> side(f))).orElseThrow();
        // faces much smaller than the main one are people in the background, not a second candidate
        double floor = Math.max(quality.settings().minFaceSize(), side(main) / 2);
        long candidates = faces.stream().filter(f -> side(f) >= floor).count();
        if (candidates > 1) {
            return new Analysis(null, new Rejection(source, SEVERAL_FACES, candidates + " faces found; need exactly one"));
        }
        QualityReport q = quality.assess(image, main);
        if (!q.ok()) {
            return new Analysis(null, new Rejection(source, q.issueCodes().get(0), describe(q)));
        }
        float[] embedding = embedder.embed(List.of(embedder.align(image, main)))[0];
        return new Analysis(new Sample(source, EnrollmentCrops.crop(image, main), embedding, main.score()), null);
    }

    /**
     * Refuses what enrolling must not do to the employee's record, before any slow work: values that cannot be
     * stored, and a name or department other than the stored ones (renaming is an edit of the employee, and a
     * different name under a taken code is much more often the wrong code than a wish to rename).
     *
     * @return the code as stored (trimmed)
     */
    private String checkRecord(String code, String name, String department) {
        String c = EmployeeFields.code(code);
        String n = name == null ? null : EmployeeFields.name(name);
        String d = EmployeeFields.department(department);
        Optional<Employee> found = employees.findByCode(c);
        if (found.isEmpty()) {
            EmployeeFields.name(name); // a new employee needs one
            return c;
        }
        Employee old = found.get();
        String hint = "; enrolling adds photos to an employee but does not edit them: give their own name to add "
                + "photos of them, another code for another person, or change them first (facecheck employees "
                + "update " + c + ", or the Employees page)";
        if (n != null && !same(n, old.name())) {
            throw new StoreException(StoreException.Kind.CONFLICT, "code " + c + " is " + old.name() + ", not " + n
                    + hint);
        }
        if (d != null && !same(d, old.department())) {
            throw new StoreException(StoreException.Kind.CONFLICT, "code " + c + " is in "
                    + (old.department() == null ? "no department" : "department " + old.department())
                    + ", not " + d + hint);
        }
        return c;
    }

    /** Equal as text: the same characters whether typed composed (é) or decomposed (e + ´). */
    private static boolean same(String a, String b) {
        return b != null && Normalizer.normalize(a, Normalizer.Form.NFC).equals(Normalizer.normalize(b, Normalizer.Form.NFC));
    }

    private Result save(String code, String name, String department, List<Sample> samples, List<Rejection> rejected,
                        Options options) {
        if (samples.isEmpty()) {
            LOG.info("enroll {}: no usable photo ({} rejected)", code, rejected.size());
            return new Result(code, null, 0, rejected, null, null);
        }
        if (!options.force()) {
            Optional<NotOnePerson> mixed = notOnePerson(code, samples, options.replace());
            if (mixed.isPresent()) {
                LOG.info("enroll {}: refused, {} photos do not show the same person", code, mixed.get().photos().size());
                return new Result(code, null, 0, rejected, null, mixed.get());
            }
            Optional<Duplicate> dup = findDuplicate(code, samples);
            if (dup.isPresent()) {
                LOG.info("enroll {}: refused, matches {} at {}", code, dup.get().code(), dup.get().distance());
                return new Result(code, null, 0, rejected, dup.get(), null);
            }
        }
        boolean[] existed = new boolean[1];
        Employee employee = db.inTransaction(c -> {
            Optional<Employee> found = employees.findByCode(code);
            existed[0] = found.isPresent();
            Employee e;
            if (found.isEmpty()) {
                e = employees.create(code, name, department);
            } else {
                e = found.get();
                if (options.replace()) {
                    templates.deleteForEmployee(e.id());
                }
            }
            for (Sample s : samples) {
                long cropId = templates.addCrop(e.id(), EnrollmentCrops.png(s.crop()), s.crop().width(),
                        s.crop().height(), s.quality(), s.source());
                templates.add(e.id(), cropId, embedder.modelId(), s.embedding(), s.quality(), s.source());
            }
            audit.record(options.actor(), AuditLog.ENROLL, code, samples(samples.size()) + " ("
                    + embedder.modelId() + ")" + (options.replace() ? ", replacing earlier ones" : "")
                    + (options.force() ? ", forced" : "") + (rejected.isEmpty() ? "" : ", " + rejected.size()
                    + " photos rejected"));
            return e;
        });
        if (options.replace() && existed[0]) {
            gallery.refresh(code);
        } else if (employee.active()) {
            gallery.added(code, samples.stream().map(Sample::embedding).toList());
        }
        LOG.info("enroll {}: {} added, {} rejected", code, samples(samples.size()), rejected.size());
        return new Result(code, employee, samples.size(), rejected, null, null);
    }

    /**
     * The photos that do not show one person: compared with each other, and with the code's enrolled samples of
     * this embedder unless they are being replaced (a new look is what replacing is for). Read from the store,
     * not the gallery, so an inactive employee's samples count too.
     */
    private Optional<NotOnePerson> notOnePerson(String code, List<Sample> samples, boolean replace) {
        Optional<Employee> existing = employees.findByCode(code);
        List<OnePerson.Face> enrolled = new ArrayList<>();
        if (existing.isPresent() && !replace) {
            for (FaceTemplate t : templates.listByEmployee(existing.get().id())) {
                if (t.modelId().equals(embedder.modelId())) {
                    enrolled.add(new OnePerson.Face(t.source() == null ? "template " + t.id() : t.source(), t.vector()));
                }
            }
        }
        List<OnePerson.Face> added = samples.stream().map(s -> new OnePerson.Face(s.source(), s.embedding())).toList();
        List<Mismatch> mismatches = OnePerson.mismatches(enrolled, added, duplicateThreshold);
        if (mismatches.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NotOnePerson(mismatches, code, enrolled.isEmpty() ? null : existing.get().name(),
                duplicateThreshold));
    }

    /** "1 sample", "2 samples". */
    public static String samples(int n) {
        return n + (n == 1 ? " sample" : " samples");
    }

    /**
     * The other employee most of the new samples match (nearest identity, below the threshold), if any. A
     * majority, not a single sample, so that one look-alike photo among several does not block an enrollment.
     */
    private Optional<Duplicate> findDuplicate(String code, List<Sample> samples) {
        java.util.Map<String, Integer> votes = new java.util.HashMap<>();
        java.util.Map<String, Duplicate> closest = new java.util.HashMap<>();
        for (Sample s : samples) {
            gallery.gallery().search(s.embedding(), 2).stream()
                    .filter(m -> !m.identity().equals(code))
                    .findFirst()
                    .filter(m -> m.distance() < duplicateThreshold)
                    .ifPresent(m -> {
                        votes.merge(m.identity(), 1, Integer::sum);
                        Duplicate d = closest.get(m.identity());
                        if (d == null || m.distance() < d.distance()) {
                            closest.put(m.identity(), new Duplicate(m.identity(), null, m.distance(), s.source()));
                        }
                    });
        }
        return votes.entrySet().stream()
                .filter(e -> 2 * e.getValue() >= samples.size())
                .max(java.util.Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(e -> -closest.get(e.getKey()).distance()))
                .map(e -> {
                    Duplicate d = closest.get(e.getKey());
                    String name = employees.findByCode(d.code()).map(Employee::name).orElse(d.code());
                    return new Duplicate(d.code(), name, d.distance(), d.file());
                });
    }

    /**
     * Deletes an employee with their templates, crops and events (the right to erasure), audited, and drops
     * them from the gallery.
     *
     * @return whether there was such an employee
     */
    public boolean delete(String code, String actor) {
        boolean removed = erase(db, code, actor);
        if (removed) {
            gallery.removed(code);
        }
        return removed;
    }

    /**
     * Erases an employee's face data — every template and enrollment crop — but keeps the employee and their
     * attendance records, audited, and drops them from the gallery: what a leaver needs, whose biometric data
     * must go while the working-time records must stay. They are no longer recognised until enrolled again.
     *
     * @return the templates removed, or -1 when there is no such employee
     */
    public int eraseFaceData(String code, String actor) {
        int n = eraseFaceData(db, code, actor);
        if (n >= 0) {
            gallery.removed(code);
        }
        return n;
    }

    /** As {@link #eraseFaceData(String, String)} in one transaction, for callers without a gallery (the CLI). */
    public static int eraseFaceData(Database db, String code, String actor) {
        EmployeeRepository employees = new EmployeeRepository(db);
        TemplateRepository templates = new TemplateRepository(db);
        AuditLog audit = new AuditLog(db);
        return db.inTransaction(c -> {
            Optional<Employee> e = employees.findByCode(code);
            if (e.isEmpty()) {
                return -1;
            }
            int crops = templates.cropsOf(e.get().id()).size();
            int n = templates.deleteForEmployee(e.get().id());
            audit.record(actor, AuditLog.ERASE_FACE, code, "face data of " + e.get().name() + " erased: " + n
                    + " templates, " + crops + " enrollment crops; attendance records kept");
            return n;
        });
    }

    /**
     * Deletes an employee with their templates, crops and events in one transaction, audited; for callers without
     * a gallery (the CLI). Returns whether there was such an employee.
     */
    public static boolean erase(Database db, String code, String actor) {
        EmployeeRepository employees = new EmployeeRepository(db);
        AuditLog audit = new AuditLog(db);
        return db.inTransaction(c -> {
            Optional<Employee> e = employees.findByCode(code);
            if (e.isEmpty()) {
                return false;
            }
            employees.delete(code);
            audit.record(actor, AuditLog.DELETE, code, "employee " + e.get().name()
                    + " deleted with templates, crops and events");
            return true;
        });
    }

    /**
     * Enrolls every sub-folder of {@code dir} as one person (folder name = code and name), from the pictures
     * in it, in name order.
     */
    public List<Result> enrollFolder(Path dir, Options options) throws IOException {
        List<Path> people;
        try (Stream<Path> list = Files.list(dir)) {
            people = list.filter(Files::isDirectory).sorted().toList();
        }
        // the folder name is the name of a new person only: for a code already enrolled nobody typed a name, so
        // theirs stays; every record is checked before anyone is enrolled
        List<String> names = new ArrayList<>();
        for (Path person : people) {
            String id = person.getFileName().toString();
            String name = employees.findByCode(id.strip()).isPresent() ? null : id;
            checkRecord(id, name, null);
            names.add(name);
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            String id = people.get(i).getFileName().toString();
            results.add(enroll(id, names.get(i), null, photosIn(people.get(i)), options));
        }
        return results;
    }

    /** The pictures directly in {@code dir}, sorted by name. */
    public static List<Path> photosIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> IMAGE_ENDINGS.stream().anyMatch(
                            e -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e)))
                    .sorted()
                    .toList();
        }
    }

    private static double side(DetectedFace f) {
        return Math.min(f.box().width(), f.box().height());
    }

    private static String describe(QualityReport q) {
        return String.format(Locale.ROOT, "%s (face %.0f px, sharpness %.0f, yaw %.0f°, pitch %.0f°, brightness %.0f)",
                String.join(", ", q.issueCodes()), q.faceSize(), q.sharpness(), q.yawDeg(), q.pitchDeg(),
                q.brightness());
    }
}
