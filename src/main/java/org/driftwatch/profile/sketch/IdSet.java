package org.driftwatch.profile.sketch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * The distinct integer ids of one side as a compressed bitmap (Roaring, shipped with Spark), built
 * during a scan: it gives exact distinct counts and the ids on both sides without a shuffle. Ids that
 * compress badly (random 64-bit values) make it give up past {@link #MAX_BYTES}; leakage then takes
 * the shuffle path.
 */
public final class IdSet implements Serializable {
    private static final long serialVersionUID = 1L;
    static final long MAX_BYTES = 64L << 20;
    private Roaring64NavigableMap ids = new Roaring64NavigableMap();
    private long added;

    public void add(long id) {
        if (ids == null) {
            return;
        }
        ids.addLong(id);
        if ((++added & 0xFFFF) == 0 && ids.getLongSizeInBytes() > MAX_BYTES) {
            ids = null;
        }
    }

    public IdSet merge(IdSet o) {
        if (ids == null || o.ids == null) {
            ids = null;
        } else {
            ids.or(o.ids);
            if (ids.getLongSizeInBytes() > MAX_BYTES) {
                ids = null;
            }
        }
        return this;
    }

    public boolean usable() {
        return ids != null;
    }

    public long distinct() {
        return ids.getLongCardinality();
    }

    /** How many ids are in both sets. */
    public long overlap(IdSet o) {
        Roaring64NavigableMap both = new Roaring64NavigableMap();
        both.or(ids);
        both.and(o.ids);
        return both.getLongCardinality();
    }

    public String base64() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ids.runOptimize();
            ids.serializePortable(new DataOutputStream(bytes));
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IdSet fromBase64(String text) {
        try {
            IdSet s = new IdSet();
            s.ids.deserializePortable(new DataInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(text))));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
