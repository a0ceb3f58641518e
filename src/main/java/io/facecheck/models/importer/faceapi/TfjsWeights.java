package io.facecheck.models.importer.faceapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of one TF.js model: a {@code *-weights_manifest.json} and the {@code .bin} shards it names.
 * Every tensor keeps its stored form (uint8 codes with scale/min, float16 bits, float32 or int32 values);
 * {@link #floats(String)} decodes it exactly as tfjs does ({@code io_utils.decodeWeight}:
 * {@code float32(q * scale + min)} computed in double).
 */
public final class TfjsWeights {

    /** How a tensor is stored in the shard. */
    public enum Storage { UINT8, UINT16, FLOAT16, FLOAT32, INT32 }

    /** One named tensor as stored; exactly one of {@code codes}, {@code halfBits}, {@code values}, {@code ints} is set. */
    public record Weight(String name, long[] shape, Storage storage, double scale, double min,
                         int[] codes, short[] halfBits, float[] values, int[] ints) {
        public int size() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return (int) n;
        }

        /** The 256 (or 65536) float32 values the codes stand for, index = code. */
        public float[] lookupTable() {
            int n = storage == Storage.UINT8 ? 256 : 65536;
            float[] t = new float[n];
            for (int q = 0; q < n; q++) {
                t[q] = (float) (q * scale + min);
            }
            return t;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path manifest;
    private final List<Path> shards;
    private final Map<String, Weight> weights;

    private TfjsWeights(Path manifest, List<Path> shards, Map<String, Weight> weights) {
        this.manifest = manifest;
        this.shards = shards;
        this.weights = weights;
    }

    /** Reads {@code manifest} and the shard files beside it. */
    public static TfjsWeights read(Path manifest) throws IOException {
        if (!Files.isRegularFile(manifest)) {
            throw new NoSuchFileException(manifest.toAbsolutePath().toString(), null, "TF.js weights manifest not found");
        }
        return read(JSON.readTree(manifest.toFile()), manifest);
    }

    /**
     * Reads the weight groups {@code root} (a manifest's JSON array, e.g. the {@code weightsManifest} of a graph
     * model's {@code model.json}); shard paths are resolved beside {@code manifest}, which error messages name.
     */
    public static TfjsWeights read(JsonNode root, Path manifest) throws IOException {
        if (!root.isArray()) {
            throw new IOException(manifest + ": expected a JSON array of weight groups");
        }
        Map<String, Weight> out = new LinkedHashMap<>();
        List<Path> shards = new ArrayList<>();
        for (JsonNode group : root) {
            ByteArrayConcat bytes = new ByteArrayConcat();
            for (JsonNode p : group.path("paths")) {
                Path shard = manifest.resolveSibling(p.asText());
                if (!Files.isRegularFile(shard)) {
                    throw new NoSuchFileException(shard.toAbsolutePath().toString(), null,
                            "weight shard named in " + manifest.getFileName() + " not found");
                }
                shards.add(shard);
                bytes.add(Files.readAllBytes(shard));
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes.toArray()).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode w : group.path("weights")) {
                Weight weight = decode(w, buf, manifest);
                out.put(weight.name(), weight);
            }
            if (buf.hasRemaining()) {
                throw new IOException(manifest + ": " + buf.remaining() + " bytes left over after the last weight");
            }
        }
        return new TfjsWeights(manifest, List.copyOf(shards), out);
    }

    private static Weight decode(JsonNode w, ByteBuffer buf, Path manifest) throws IOException {
        String name = w.path("name").asText();
        String dtype = w.path("dtype").asText();
        long[] shape = new long[w.path("shape").size()];
        int n = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = w.path("shape").get(i).asLong();
            n *= (int) shape[i];
        }
        JsonNode q = w.get("quantization");
        try {
            if (q != null && !q.isNull()) {
                String qd = q.path("dtype").asText();
                switch (qd) {
                    case "uint8", "uint16" -> {
                        if (!q.has("scale") || !q.has("min")) {
                            throw new IOException(manifest + ": weight " + name + " is " + qd + "-quantised without scale/min");
                        }
                        int[] codes = new int[n];
                        for (int i = 0; i < n; i++) {
                            codes[i] = qd.equals("uint8") ? Byte.toUnsignedInt(buf.get()) : Short.toUnsignedInt(buf.getShort());
                        }
                        Storage s = qd.equals("uint8") ? Storage.UINT8 : Storage.UINT16;
                        if (dtype.equals("int32")) {
                            int[] ints = new int[n];
                            for (int i = 0; i < n; i++) {
                                ints[i] = (int) Math.round(codes[i] * q.get("scale").asDouble() + q.get("min").asDouble());
                            }
                            return new Weight(name, shape, Storage.INT32, 1, 0, null, null, null, ints);
                        }
                        return new Weight(name, shape, s, q.get("scale").asDouble(), q.get("min").asDouble(),
                                codes, null, null, null);
                    }
                    case "float16" -> {
                        short[] bits = new short[n];
                        for (int i = 0; i < n; i++) {
                            bits[i] = buf.getShort();
                        }
                        return new Weight(name, shape, Storage.FLOAT16, 1, 0, null, bits, null, null);
                    }
                    default -> throw new IOException(manifest + ": weight " + name + " has unsupported quantisation " + qd);
                }
            }
            switch (dtype) {
                case "float32" -> {
                    float[] v = new float[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = buf.getFloat();
                    }
                    return new Weight(name, shape, Storage.FLOAT32, 1, 0, null, null, v, null);
                }
                case "int32" -> {
                    int[] v = new int[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = buf.getInt();
                    }
                    return new Weight(name, shape, Storage.INT32, 1, 0, null, null, null, v);
                }
                default -> throw new IOException(manifest + ": weight " + name + " has unsupported dtype " + dtype);
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException(manifest + ": weight shard ends inside weight " + name + " (truncated .bin?)", e);
        }
    }

    public Path manifest() {
        return manifest;
    }

    public List<Path> shards() {
        return shards;
    }

    public Map<String, Weight> all() {
        return weights;
    }

    /** The weight {@code name}; an exception naming the manifest if it is absent. */
    public Weight get(String name) {
        Weight w = weights.get(name);
        if (w == null) {
            throw new IllegalArgumentException(manifest + " has no weight " + name);
        }
        return w;
    }

    /** The weight {@code name} decoded to float32 exactly as tfjs decodes it. */
    public float[] floats(String name) {
        Weight w = get(name);
        float[] out = new float[w.size()];
        switch (w.storage()) {
            case UINT8, UINT16 -> {
                float[] t = w.lookupTable();
                for (int i = 0; i < out.length; i++) {
                    out[i] = t[w.codes()[i]];
                }
            }
            case FLOAT16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = halfToFloat(w.halfBits()[i]);
                }
            }
            case FLOAT32 -> System.arraycopy(w.values(), 0, out, 0, out.length);
            case INT32 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = w.ints()[i];
                }
            }
            default -> throw new IllegalStateException();
        }
        return out;
    }

    /** IEEE 754 binary16 to float (JDK 17 has no {@code Float.float16ToFloat}). */
    public static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h >>> 15) << 31;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            // subnormal: value = mant * 2^-24
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    private static final class ByteArrayConcat {
        private byte[] data = new byte[0];

        void add(byte[] more) {
            byte[] n = Arrays.copyOf(data, data.length + more.length);
            System.arraycopy(more, 0, n, data.length, more.length);
            data = n;
        }

        byte[] toArray() {
            return data;
        }
    }
}
