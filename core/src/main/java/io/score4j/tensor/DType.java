package io.score4j.tensor;

/** Element type of a {@link Tensor}: float32 for models, float64 for checks. */
public enum DType {
    F32(4, "F32"),
    F64(8, "F64");

    private final int bytes;
    private final String safetensorsName;

    DType(int bytes, String safetensorsName) {
        this.bytes = bytes;
        this.safetensorsName = safetensorsName;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The dtype string used in safetensors headers ("F32", "F64"). */
    public String safetensorsName() {
        return safetensorsName;
    }
}
