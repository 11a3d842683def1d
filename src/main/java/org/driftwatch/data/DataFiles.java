package org.driftwatch.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A fingerprint of the files behind a dataset — their names, sizes and modification times — so a
 * saved reference profile can tell that its data was rewritten since, without reading the data.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /** SHA-256 over the sorted file list with sizes and times; null for a table or an unlistable source. */
    public static String fingerprint(Dataset<Row> data) {
        try {
            String[] files = data.inputFiles();
            if (files.length == 0) {
                return null;
            }
            Arrays.sort(files);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            var conf = data.sparkSession().sparkContext().hadoopConfiguration();
            for (String f : files) {
                Path p = new Path(f);
                FileStatus s = FileSystem.get(p.toUri(), conf).getFileStatus(p);
                sha.update((f + "\t" + s.getLen() + "\t" + s.getModificationTime() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
