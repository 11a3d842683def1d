package org.driftwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;

/**
 * A golden case's rules.yaml, a template with paths relative to the case folder, run as the owner's checkers
 * run it: its {@code path: "x.csv"} lines pointed at the case's files of one format, then the whole job.
 */
final class RuleTemplate {
    private RuleTemplate() {
    }

    /** report.json of the case in {@code dir} read from {@code format} files on {@code date}, reports under {@code tmp}. */
    static JsonNode run(Path dir, String format, String date, Path tmp) throws IOException {
        String template = Files.readString(dir.resolve("rules.yaml"));
        Matcher m = Pattern.compile("path: \"([^\"]+)\\.csv\"").matcher(template);
        StringBuilder y = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(y, Matcher.quoteReplacement("path: \"" + dir.resolve(m.group(1) + "." + format) + "\""));
        }
        m.appendTail(y);
        Path rulesFile = tmp.resolve("rules.yaml");
        Files.writeString(rulesFile, y.toString().replace("format: csv", "format: " + format));
        RuleSet rules = RuleFileParser.parse(rulesFile);
        DriftJob.Outcome out = new DriftJob(TestSpark.session(), line -> { })
            .run(rules, CheckCatalog.checksFor(rules), new DriftJob.Inputs(rules.reference(), rules.current(), date, tmp));
        return new ObjectMapper().readTree(out.reportJson().toFile());
    }
}
