package org.driftwatch.data;

import org.apache.spark.sql.SparkSession;
import org.driftwatch.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakehouseSpikeTest {
    @TempDir
    java.nio.file.Path tmp;

    @Test
    void spike() throws Exception {
        SparkSession spark = TestSpark.session();
        String d = tmp.resolve("d").toString();
        spark.range(10).selectExpr("id", "'2026-11-01' as event_date").write().format("delta").partitionBy("event_date").save(d);
        spark.range(20).selectExpr("id", "'2026-11-02' as event_date").write().format("delta").mode("append").partitionBy("event_date").save(d);
        System.out.println("SPIKE delta v0 " + spark.read().format("delta").option("versionAsOf", 0).load(d).count());
        System.out.println("SPIKE delta v1 " + spark.read().format("delta").load(d).count());
        spark.sql("DESCRIBE HISTORY delta.`" + d + "`").show(false);
        spark.sql("CREATE TABLE default.dt (id BIGINT) USING delta LOCATION '" + tmp.resolve("dt") + "'");
        spark.sql("INSERT INTO default.dt VALUES (1),(2)");
        spark.sql("INSERT INTO default.dt VALUES (3)");
        System.out.println("SPIKE delta table v1 " + spark.sql("SELECT * FROM default.dt VERSION AS OF 1").count());
        System.out.println("SPIKE delta table opt " + spark.read().option("versionAsOf", 1).table("default.dt").count());
        spark.sql("DESCRIBE TABLE EXTENDED default.dt").show(100, false);
        spark.conf().set("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog");
        spark.conf().set("spark.sql.catalog.lake.type", "hadoop");
        spark.conf().set("spark.sql.catalog.lake.warehouse", tmp.resolve("wh").toString());
        spark.sql("CREATE TABLE lake.db.t (id BIGINT, event_date STRING) USING iceberg PARTITIONED BY (event_date)");
        spark.sql("INSERT INTO lake.db.t VALUES (1, 'a'), (2, 'b')");
        spark.sql("INSERT INTO lake.db.t VALUES (3, 'a')");
        spark.sql("SELECT * FROM lake.db.t.snapshots").show(false);
        long first = spark.sql("SELECT snapshot_id FROM lake.db.t.snapshots ORDER BY committed_at").first().getLong(0);
        System.out.println("SPIKE iceberg v1 " + spark.sql("SELECT * FROM lake.db.t VERSION AS OF " + first).count());
        System.out.println("SPIKE iceberg opt " + spark.read().option("versionAsOf", first).table("lake.db.t").count());
        spark.sql("DESCRIBE TABLE EXTENDED lake.db.t").show(100, false);
        spark.range(5).selectExpr("id", "'a' as event_date").writeTo("lake.db.t").overwrite(org.apache.spark.sql.functions.col("event_date").equalTo("a"));
        System.out.println("SPIKE iceberg after overwrite " + spark.table("lake.db.t").count());
        spark.range(5).selectExpr("id").writeTo("default.dt").overwrite(org.apache.spark.sql.functions.col("id").equalTo(1));
        System.out.println("SPIKE delta after overwrite " + spark.table("default.dt").count());
    }
}
