package io.facecheck.models.importer.tflite;

import java.nio.file.Path;
import java.util.Arrays;

/** Developer aid: prints a TFLite file's tensors and operators. Not a test. */
public final class DumpTflite {
    public static void main(String[] args) throws Exception {
        TfliteFile f = TfliteFile.read(Path.of(args[0]));
        System.out.println("inputs " + Arrays.toString(f.inputs()) + " outputs " + Arrays.toString(f.outputs()));
        for (var t : f.tensors()) {
            if (!t.isConstant() || t.elements() < 20) {
                System.out.println(t + (t.isConstant() && t.type() == 2 ? " " + Arrays.toString(t.ints()) : ""));
            }
        }
        for (var o : f.ops()) {
            System.out.println(o.index() + " " + o.codeName() + " in " + Arrays.toString(o.inputs()) + " out "
                    + Arrays.toString(o.outputs()) + " opt " + o.raw().builtinOptionsType());
        }
    }
}
