package io.facecheck.cli;

import io.facecheck.face.Face;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.ImageLoadException;
import io.facecheck.face.ImageLoader;
import io.facecheck.match.Clustering;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code facecheck cluster DIR}: which photos show the same person? (FaceNet's clustering use.) */
@Command(name = "cluster", mixinStandardHelpOptions = true)
final class ClusterCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", descriptionKey = "help.cluster.dir")
    Path dir;

    @Option(names = "--json", descriptionKey = "help.cluster.json")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        List<Path> files = PhotoFiles.list(dir);
        ImageLoader loader = new ImageLoader();
        List<String> names = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<Map<String, String>> skipped = new ArrayList<>();
        List<List<Integer>> groups;
        double t;
        try (FaceEngine engine = engineOptions.open()) {
            t = engineOptions.threshold != null ? engineOptions.threshold : engine.embedder().threshold();
            for (Path p : files) {
                String rel = dir.relativize(p).toString();
                try {
                    Optional<Face> f = engine.largest(loader.load(p));
                    if (f.isEmpty()) {
                        skipped.add(Map.of("file", rel, "reason", "no_face"));
                        continue;
                    }
                    names.add(rel);
                    vectors.add(f.get().embedding());
                } catch (ImageLoadException e) {
                    skipped.add(Map.of("file", rel, "reason", e.getMessage()));
                    CliMessages.warn("cli.skipped", e.getLocalizedMessage());
                }
            }
            groups = new ArrayList<>(Clustering.chineseWhispers(vectors, t, 20, 42));
        }
        groups.sort((a, b) -> Integer.compare(b.size(), a.size()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Integer> g : groups) {
            List<String> members = g.stream().map(names::get).sorted().toList();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("size", members.size());
            m.put("files", members);
            out.add(m);
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("threshold", t);
            doc.put("groups", out);
            doc.put("skipped", skipped);
            Json.print(doc);
        } else {
            CliMessages.out("cli.cluster.summary", names.size(), groups.size(), t, skipped.size());
            int i = 1;
            for (Map<String, Object> m : out) {
                CliMessages.out("cli.cluster.group", i++, m.get("size"));
                for (Object f : (List<?>) m.get("files")) {
                    System.out.println("  " + f);
                }
            }
            for (Map<String, String> s : skipped) {
                CliMessages.out("cli.cluster.skipped", s.get("file"), s.get("reason"));
            }
        }
        return ExitCodes.OK;
    }
}
