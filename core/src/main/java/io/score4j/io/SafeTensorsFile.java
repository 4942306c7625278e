package io.score4j.io;

import io.score4j.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The content of a safetensors file: tensors in the order of their data offsets, and the
 * free-form string metadata stored under {@code "__metadata__"} (empty when the file has none).
 *
 * <p>Both maps are copied on construction; {@link #tensors()} returns a fresh copy on each call
 * and {@link #metadata()} an unmodifiable view, so an instance never changes.
 */
public record SafeTensorsFile(LinkedHashMap<String, Tensor> tensors, Map<String, String> metadata) {
    public SafeTensorsFile {
        Objects.requireNonNull(tensors, "tensors");
        Objects.requireNonNull(metadata, "metadata");
        tensors.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException("tensors: null name or tensor for name " + k);
            }
        });
        metadata.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException("metadata: null key or value for key " + k);
            }
        });
        tensors = new LinkedHashMap<>(tensors);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A fresh, ordered copy of the name → tensor map (tensors themselves are immutable). */
    @Override
    public LinkedHashMap<String, Tensor> tensors() {
        return new LinkedHashMap<>(tensors);
    }
}
