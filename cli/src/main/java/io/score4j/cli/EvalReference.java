package io.score4j.cli;

import io.score4j.density.GaussianMixture;

/** What {@code score4j eval} compares the samples with: rows of a reference CSV, or a known mixture. */
sealed interface EvalReference {
    /** The file it came from, as the user named it. */
    String file();

    /** Word for the report: {@code csv} or {@code mixture}. */
    String kind();

    /**
     * Reference rows from a CSV, all finite.
     *
     * @param values flat row-major, shape [n, d], n ≥ 2 (taken without a copy; must not be modified)
     */
    record Rows(String file, double[] values, int d) implements EvalReference {
        public Rows {
            if (file == null || values == null) {
                throw new IllegalArgumentException("reference rows need a file name and values");
            }
            if (d < 1 || values.length % d != 0 || values.length / d < 2) {
                throw new IllegalArgumentException("reference rows need d >= 1 and at least 2 rows, got d=" + d
                        + ", length=" + values.length);
            }
        }

        /** Number of rows. */
        int n() {
            return values.length / d;
        }

        @Override
        public String kind() {
            return "csv";
        }
    }

    /** A Gaussian mixture from a JSON file; metrics use its exact marginals, moments and weights. */
    record Mixture(String file, GaussianMixture mixture) implements EvalReference {
        public Mixture {
            if (file == null || mixture == null) {
                throw new IllegalArgumentException("mixture reference needs a file name and a mixture");
            }
        }

        @Override
        public String kind() {
            return "mixture";
        }
    }
}
