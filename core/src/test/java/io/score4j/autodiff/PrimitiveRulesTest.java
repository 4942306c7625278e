package io.score4j.autodiff;

/** {@link PrimitiveRulesContract} with default scheduling: small tensors are computed at once. */
final class PrimitiveRulesTest extends PrimitiveRulesContract {}
