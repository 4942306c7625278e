package io.score4j.cli;

import io.score4j.InputException;
import io.score4j.nn.Init;
import io.score4j.sampling.SamplerKind;
import io.score4j.tensor.Activation;
import io.score4j.train.ObjectiveKind;
import java.math.BigDecimal;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the typed choices; a bad name gives one line listing the valid ones. */
final class Converters {
    private Converters() {}

    /**
     * Whole numbers for every {@code int} flag: plain digits, or a decimal or scientific literal whose
     * value is a whole number ({@code 3e8}, {@code 2.0e3}). A fraction ({@code 2.5}) or a value
     * outside the int range ({@code 3e9}) is refused with a line saying so, never rounded or wrapped.
     */
    static final class IntConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String s = value.trim();
            BigDecimal v;
            try {
                v = new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
            try { // fast even for 1e999999999 or 1e-999999999: intValueExact looks at the digit counts first
                return v.intValueExact();
            } catch (ArithmeticException e) {
                boolean whole = v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
                throw new TypeConversionException(whole
                        ? "'" + value + "' is out of range (" + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")"
                        : "'" + value + "' is not a whole number");
            }
        }
    }

    /**
     * A converter from a parser whose {@link IllegalArgumentException} or {@link InputException} message becomes
     * picocli's one line.
     */
    abstract static class Parsing<T> implements ITypeConverter<T> {
        private final Function<String, T> parse;

        Parsing(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public final T convert(String value) {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException | InputException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ActivationConverter extends Parsing<Activation> {
        ActivationConverter() {
            super(Activation::parse);
        }
    }

    static final class InitConverter extends Parsing<Init> {
        InitConverter() {
            super(Init::parse);
        }
    }

    /** {@code --sampler} by {@link SamplerKind#parse}. */
    static final class KindConverter extends Parsing<SamplerKind> {
        KindConverter() {
            super(SamplerKind::parse);
        }
    }

    static final class ObjectiveConverter extends Parsing<ObjectiveKind> {
        ObjectiveConverter() {
            super(ObjectiveKind::parse);
        }
    }
}
