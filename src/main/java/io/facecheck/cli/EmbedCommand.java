package io.facecheck.cli;

import io.facecheck.face.Face;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.RgbImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code facecheck embed IMG}: the embedding of the largest face (or of an already aligned crop). */
@Command(name = "embed", mixinStandardHelpOptions = true)
final class EmbedCommand implements Callable<Integer> {
    @Parameters(paramLabel = "IMG", descriptionKey = "help.embed.img")
    Path image;

    @Option(names = "--aligned", descriptionKey = "help.embed.aligned")
    boolean aligned;

    @Option(names = "--json", descriptionKey = "help.embed.json")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        RgbImage img = EngineOptions.load(new ImageLoader(), image);
        try (FaceEngine engine = engineOptions.open()) {
            float[] v;
            if (aligned) {
                v = engine.embedder().embed(List.of(img))[0];
            } else {
                Face f = engine.largest(img).orElseThrow(
                        () -> CliException.of(ExitCodes.NO_FACE, "cli.embed.noFace", image));
                v = f.embedding();
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("file", image.toString());
                doc.put("embedder", engine.embedder().name());
                doc.put("modelId", engine.embedder().modelId());
                doc.put("dimension", v.length);
                doc.put("embedding", v);
                Json.print(doc);
            } else {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < v.length; i++) {
                    sb.append(i == 0 ? "" : " ").append(v[i]);
                }
                System.out.println(sb);
            }
        }
        return ExitCodes.OK;
    }
}
