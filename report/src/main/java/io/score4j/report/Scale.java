package io.score4j.report;

/** Axis scale. On {@link #LOG} axes points with non-positive values are left out. */
public enum Scale {
    LINEAR,
    LOG
}
