package org.driftwatch.report;

import static org.driftwatch.report.JsonValues.JSON;
import static org.driftwatch.report.JsonValues.doubles;
import static org.driftwatch.report.JsonValues.lng;
import static org.driftwatch.report.JsonValues.longs;
import static org.driftwatch.report.JsonValues.num;
import static org.driftwatch.report.JsonValues.strings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.ColumnComparison.SideStats;

/** One compared column, and the label, as report.json's column objects. */
final class ColumnJson {
    private ColumnJson() {
    }

    static ObjectNode column(ColumnComparison c, String role) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", c.type());
        o.put("role", role);
        o.set("reference", side(c.reference()));
        o.set("current", side(c.current()));
        num(o, "psi", c.psi());
        if (c.numerical()) {
            if (c.bins() != null) {
                ObjectNode b = o.putObject("psi_bins");
                doubles(b.putArray("inner_edges"), c.bins().innerEdges());
                longs(b.putArray("reference"), c.bins().reference());
                longs(b.putArray("current"), c.bins().current());
            }
            if (c.ks() != null) {
                ObjectNode ks = o.putObject("ks");
                num(ks, "statistic", c.ks().statistic());
                num(ks, "p_value", c.ks().pValue());
                ks.put("method", c.ks().method());
                num(ks, "bound", c.ks().bound());
            } else {
                o.putNull("ks");
            }
            num(o, "wasserstein", c.wasserstein());
            num(o, "wasserstein_normed", c.wassersteinNormed());
            num(o, "wasserstein_normed_bound", c.wassersteinNormedBound());
            if (c.method() != null) {
                o.putObject("comparison").put("method", c.method().method()).put("reason", c.method().reason());
            }
        } else {
            if (c.categories() != null) {
                ObjectNode shares = o.putObject("shares");
                shares(shares.putObject("reference"), c.categories().names(), c.categories().reference());
                shares(shares.putObject("current"), c.categories().names(), c.categories().current());
                o.put("categories_folded", c.categories().folded());
            }
            chiSquare(o, c.chiSquare());
            num(o, "jensen_shannon", c.jensenShannon());
            strings(o.putArray("unseen_categories"), c.unseenCategories());
            strings(o.putArray("missing_categories"), c.missingCategories());
            if (c.categories() != null && c.categories().unseen() != null) {
                var u = c.categories().unseen();
                ObjectNode un = o.putObject("unseen");
                un.put("rows", u.rows());
                num(un, "share", c.categories().unseenShare());
                un.put("distinct", u.distinct());
                ObjectNode top = un.putObject("top");
                u.top().forEach(top::put);
            }
        }
        c.metrics().forEach((name, v) -> {
            if (v.single()) {
                num(o, name, v.value());
            } else {
                ObjectNode m = o.putObject(name);
                v.fields().forEach((k, x) -> num(m, k, x));
            }
        });
        ObjectNode d = o.putObject("drift");
        d.put("test", c.drift().test());
        num(d, "score", c.drift().score());
        num(d, "threshold", c.drift().threshold());
        d.put("detected", c.drift().detected());
        if (c.drift().pValueAdjusted() != null) {
            num(d, "p_value_adjusted", c.drift().pValueAdjusted());
        }
        if (c.drift().note() != null) {
            d.put("note", c.drift().note());
        }
        strings(o.putArray("notes"), c.notes());
        return o;
    }

    private static void chiSquare(ObjectNode o, ColumnComparison.ChiSquare chi) {
        if (chi == null) {
            o.putNull("chi_square");
            return;
        }
        ObjectNode x = o.putObject("chi_square");
        num(x, "statistic", chi.statistic());
        x.put("dof", chi.degreesOfFreedom());
        num(x, "p_value", chi.pValue());
    }

    private static ObjectNode side(SideStats s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("rows", s.rows());
        lng(o, "count", s.count());
        lng(o, "null_count", s.nullCount());
        num(o, "null_share", s.nullShare());
        if (s.nanCount() > 0 || s.infiniteCount() > 0) {
            o.put("nan_count", s.nanCount());
            o.put("infinite_count", s.infiniteCount());
        }
        if (s.mean() != null || s.min() != null) {
            num(o, "mean", s.mean());
            num(o, "std", s.stdPop());
            num(o, "std_sample", s.stdSample());
            num(o, "min", s.min());
            num(o, "max", s.max());
            if (s.median() != null) {
                num(o, "median", s.median());
            }
        }
        lng(o, "distinct", s.distinct());
        return o;
    }

    static ObjectNode label(ColumnComparison c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("column", c.name());
        if (c.categories() != null) {
            shares(o.putObject("reference"), c.categories().names(), c.categories().reference());
            shares(o.putObject("current"), c.categories().names(), c.categories().current());
            ObjectNode counts = o.putObject("counts");
            counts(counts.putObject("reference"), c.categories().names(), c.categories().reference());
            counts(counts.putObject("current"), c.categories().names(), c.categories().current());
        }
        lng(o, "reference_null_count", c.reference().nullCount());
        lng(o, "current_null_count", c.current().nullCount());
        num(o, "psi", c.psi());
        num(o, "chi_square_p_value", c.chiSquare() == null ? null : c.chiSquare().pValue());
        chiSquare(o, c.chiSquare());
        num(o, "jensen_shannon", c.jensenShannon());
        strings(o.putArray("unseen_classes"), c.unseenCategories());
        strings(o.putArray("missing_classes"), c.missingCategories());
        strings(o.putArray("notes"), c.notes());
        return o;
    }

    private static void shares(ObjectNode o, List<String> names, long[] counts) {
        long n = 0;
        for (long x : counts) {
            n += x;
        }
        for (int i = 0; i < names.size(); i++) {
            if (n > 0) {
                o.put(names.get(i), (double) counts[i] / n);
            } else {
                o.putNull(names.get(i));
            }
        }
    }

    private static void counts(ObjectNode o, List<String> names, long[] counts) {
        for (int i = 0; i < names.size(); i++) {
            o.put(names.get(i), counts[i]);
        }
    }
}
