package io.score4j.spark;

import io.score4j.InputException;
import io.score4j.train.ScoreModel;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model as its safetensors bytes: what Spark broadcasts (once per executor) instead of the Java objects. The
 * model is parsed from the bytes on first use in each JVM and kept ({@link #model()}), with the checks of
 * {@link ScoreModel#load}.
 */
public final class ModelBytes implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] bytes;
    private final String name;
    private transient volatile ScoreModel model;

    private ModelBytes(byte[] bytes, String name) {
        this.bytes = bytes;
        this.name = name;
    }

    /** The model file's bytes, checked by loading them once here (on the driver). */
    public static ModelBytes read(Path file) {
        ScoreModel m = ScoreModel.load(file);
        try {
            ModelBytes b = new ModelBytes(Files.readAllBytes(file), file.toString());
            b.model = m;
            return b;
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The bytes {@link ScoreModel#save} writes for {@code m}. */
    public static ModelBytes of(ScoreModel m, String name) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("score4j-model", ".safetensors");
            m.save(tmp);
            ModelBytes b = new ModelBytes(Files.readAllBytes(tmp), name);
            b.model = m;
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** The safetensors bytes (not a copy: do not modify). */
    public byte[] bytes() {
        return bytes;
    }

    /** Where the bytes came from, for messages. */
    public String name() {
        return name;
    }

    /**
     * The model, parsed once per JVM. {@link ScoreModel#load} reads a path, so the bytes pass through a temporary
     * file (deleted at once); a model is small (kilobytes to a few megabytes).
     */
    public ScoreModel model() {
        ScoreModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = parse();
                }
                m = model;
            }
        }
        return m;
    }

    private ScoreModel parse() {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("score4j-model", ".safetensors");
            Files.write(tmp, bytes);
            return ScoreModel.load(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }
}
