package io.score4j.train;

import io.score4j.InputException;
import io.score4j.model.TimeEmbedding;
import io.score4j.noise.Sde;
import io.score4j.objective.TimeWeighting;
import java.util.List;

/**
 * dsm's settings as a command line gives them ({@code --sde}, {@code --beta-min}, {@code --beta-max},
 * {@code --weighting}, {@code --eps}, {@code --embedding}), each null when not given: the checks and defaults
 * the CLI applies, kept here so the CLI only parses. Defaults: VP, β 0.1 … 20, σ² weighting, ε = 1e-5, E = 16.
 */
public record SdeFlags(String sde, Double betaMin, Double betaMax, String weighting, Double eps, Integer embedding) {
    /**
     * Throws an {@link InputException} naming the first flag that is malformed or given where it does not apply:
     * any of these with an objective other than dsm, β with {@code --sde ve}, {@code --sigma-max} (given when
     * {@code sigmaMaxGiven}) with VP or sub-VP.
     */
    public void validate(ObjectiveKind objective, boolean sigmaMaxGiven) {
        boolean dsm = objective.timeConditional();
        Object[][] flags = {{"--sde", sde}, {"--weighting", weighting}, {"--eps", eps}, {"--embedding", embedding},
            {"--beta-min", betaMin}, {"--beta-max", betaMax}};
        for (Object[] f : flags) {
            InputException.require(dsm || f[1] == null, (String) f[0], f[1], "applies only to --objective dsm");
        }
        if (!dsm) {
            return;
        }
        InputException.require(sde == null || List.of("vp", "ve", "subvp").contains(sde), "--sde", sde,
                "must be vp, ve or subvp");
        InputException.require(!ve() || betaMin == null, "--beta-min", betaMin, "applies to --sde vp and subvp, not ve");
        InputException.require(!ve() || betaMax == null, "--beta-max", betaMax, "applies to --sde vp and subvp, not ve");
        InputException.require(ve() || !sigmaMaxGiven, "--sigma-max", "given", "applies to --objective ncsn and --sde ve");
        InputException.require(minBeta() > 0 && Double.isFinite(minBeta()), "--beta-min", betaMin,
                "must be a finite number > 0");
        InputException.require(Double.isFinite(maxBeta()), "--beta-max", betaMax, "must be a finite number");
        InputException.require(maxBeta() >= minBeta(), betaMax != null ? "--beta-max" : "--beta-min",
                betaMax != null ? betaMax : betaMin, betaMax != null ? "must be at least --beta-min " + minBeta()
                        : "must be at most --beta-max " + maxBeta() + " (the default)");
        InputException.require(weighting == null || List.of("sigma2", "likelihood").contains(weighting), "--weighting",
                weighting, "must be sigma2 or likelihood");
        InputException.require(eps == null || eps > 0 && eps < 1, "--eps", eps, "must be in (0, 1)");
        InputException.require(embedding == null || embedding >= 2 && embedding <= 256 && embedding % 2 == 0,
                "--embedding", embedding, "must be even and in [2, 256]");
    }

    /** Whether the SDE is VE (whose σ range is --sigma-min/--sigma-max). */
    public boolean ve() {
        return "ve".equals(sde);
    }

    /** Whether {@code objective} with these settings has a σ_max (ncsn, or dsm on VE). */
    public boolean hasSigmaMax(ObjectiveKind objective) {
        return objective.noiseConditional() || objective.timeConditional() && ve();
    }

    /** The time embedding: --embedding, else 16 wide. */
    public TimeEmbedding timeEmbedding() {
        return new TimeEmbedding(embedding != null ? embedding : TimeEmbedding.DEFAULT_SIZE);
    }

    /** {@code options} with these settings; a VE SDE runs from {@code sigmaMin} to {@code sigmaMax}. */
    public ObjectiveOptions applyTo(ObjectiveOptions options, double sigmaMin, double sigmaMax) {
        Sde s = ve() ? new Sde.Ve(sigmaMin, sigmaMax) : Sde.parse(sde != null ? sde : "vp", 1, 2, minBeta(), maxBeta());
        return options.withSde(s, TimeWeighting.parse(weighting != null ? weighting : TimeWeighting.SIGMA2.id()),
                eps != null ? eps : Sde.DEFAULT_EPS, timeEmbedding());
    }

    private double minBeta() {
        return betaMin != null ? betaMin : Sde.Betas.BETA_MIN;
    }

    private double maxBeta() {
        return betaMax != null ? betaMax : Sde.Betas.BETA_MAX;
    }
}
