package io.score4j.tensor.simd;

import java.util.Optional;

/**
 * Chooses the {@link MathProvider} once, when this class initialises: the Vector API provider if the
 * module {@code jdk.incubator.vector} is in the boot layer (run with
 * {@code --add-modules jdk.incubator.vector}) and the system property {@code score4j.vector} is not
 * {@code "false"}; the scalar provider otherwise. The vector implementation is reached only by name
 * through reflection, so where the module is absent its classes are never loaded. When the module is
 * absent, one warning goes to the {@link System.Logger} {@code io.score4j} (java.util.logging's console,
 * stderr, unless configured otherwise) saying how much slower that is and which flag to add.
 */
public final class VectorMath {
    /** System property that disables the Vector API provider when set to {@code "false"}. */
    public static final String PROPERTY = "score4j.vector";

    private static final String VECTOR_CLASS = "io.score4j.tensor.simd.PanamaMath";
    private static final MathProvider VECTOR = loadVector();
    private static final MathProvider CHOSEN = VECTOR != null && !"false".equals(System.getProperty(PROPERTY))
            ? VECTOR : ScalarMath.INSTANCE;

    /** Said once, when the module is missing (not when the scalar path is asked for with the property). */
    static final String MISSING_MODULE_WARNING = "score4j: the Vector API module jdk.incubator.vector is not loaded, so"
            + " score4j runs its scalar fallback, several times slower (the README's library example: 59 s with the"
            + " module, 349 s without); add --add-modules jdk.incubator.vector to the java command (bin/score4j does)";

    static {
        if (VECTOR == null && ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            System.getLogger("io.score4j").log(System.Logger.Level.WARNING, MISSING_MODULE_WARNING);
        }
    }

    private VectorMath() {}

    /** The provider chosen at start-up. */
    public static MathProvider provider() {
        return CHOSEN;
    }

    /** Whether {@link #provider()} is the Vector API one. */
    public static boolean vectorEnabled() {
        return CHOSEN != ScalarMath.INSTANCE;
    }

    /** The scalar provider, always available (for comparisons and benchmarks). */
    public static MathProvider scalar() {
        return ScalarMath.INSTANCE;
    }

    /**
     * The Vector API provider when the module is present, even if {@code score4j.vector=false} chose the
     * scalar one (for comparisons and benchmarks).
     */
    public static Optional<MathProvider> vector() {
        return Optional.ofNullable(VECTOR);
    }

    private static MathProvider loadVector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            return (MathProvider) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
