package io.score4j.cli;

import io.score4j.nn.Activation;
import io.score4j.nn.Init;
import io.score4j.train.ObjectiveKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the typed choices; a bad name gives one line listing the valid ones. */
final class Converters {
    private Converters() {}

    static final class ActivationConverter implements ITypeConverter<Activation> {
        @Override
        public Activation convert(String value) {
            try {
                return Activation.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class InitConverter implements ITypeConverter<Init> {
        @Override
        public Init convert(String value) {
            try {
                return Init.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ObjectiveConverter implements ITypeConverter<ObjectiveKind> {
        @Override
        public ObjectiveKind convert(String value) {
            try {
                return ObjectiveKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
