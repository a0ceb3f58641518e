package io.facecheck.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The model card stored as {@code model.json} beside each SavedModel: what the network does, how to feed it,
 * what comes out, where its weights came from and how well it does. Runtime code reads input/output names,
 * preprocessing and thresholds from here instead of hard-coding them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCard(
        String name,
        String version,
        String task,
        String description,
        Tensor input,
        List<Tensor> extraInputs,
        List<Tensor> outputs,
        Integer embeddingDimension,
        String distance,
        Double threshold,
        String thresholdMeaning,
        Source source,
        String license,
        String reportedAccuracy,
        String measuredAccuracy,
        Map<String, String> files,
        Map<String, Object> parameters) {

    public static final String FILE_NAME = "model.json";

    /** One tensor of the serving signature. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tensor(String name, List<Long> shape, String dtype, String layout, String channelOrder,
                         String normalisation, String meaning) {
    }

    /** Where the weights came from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String npmPackage, String version, String file, String sha256, String url) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public static ModelCard read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ModelCard.class);
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(this) + "\n");
    }

    public Tensor output(String outputName) {
        return outputs.stream().filter(o -> o.name().equals(outputName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("model " + name + " has no output " + outputName));
    }

    public double doubleParameter(String key, double fallback) {
        Object v = parameters == null ? null : parameters.get(key);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    public ModelCard withFiles(Map<String, String> newFiles) {
        return new ModelCard(name, version, task, description, input, extraInputs, outputs, embeddingDimension,
                distance, threshold, thresholdMeaning, source, license, reportedAccuracy, measuredAccuracy,
                newFiles, parameters);
    }

    public ModelCard withMeasuredAccuracy(String measured) {
        return new ModelCard(name, version, task, description, input, extraInputs, outputs, embeddingDimension,
                distance, threshold, thresholdMeaning, source, license, reportedAccuracy, measured,
                files, parameters);
    }
}
