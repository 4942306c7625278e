package io.score4j.nn;

/** Parameter initialisation scheme. */
public enum Init {
    /** The seed's: every weight and bias drawn from N(0, 1). */
    NORMAL,
    /** Fan-in scaled (LeCun normal): W ~ N(0, 1/fan_in), b = 0. Stable for wide and deep nets. */
    SCALED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Init parse(String s) {
        for (Init a : values()) {
            if (a.id().equalsIgnoreCase(s)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown init '" + s + "' (use normal or scaled)");
    }
}
