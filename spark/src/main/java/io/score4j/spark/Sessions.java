package io.score4j.spark;

import org.apache.spark.sql.SparkSession;

/** The Spark session score4j runs in: the one already running (spark-submit's), or a new one for a master. */
public final class Sessions {
    private Sessions() {}

    /**
     * A session for {@code master} ({@code local[N]}: embedded, on 127.0.0.1, without the web UI; otherwise as
     * Spark's configuration and spark-submit say). An active session with another master is returned as it is.
     */
    public static SparkSession forMaster(String master, String appName) {
        SparkSession.Builder b = SparkSession.builder().appName(appName).master(master);
        if (master.startsWith("local")) {
            b.config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4");
        }
        return b.getOrCreate();
    }
}
